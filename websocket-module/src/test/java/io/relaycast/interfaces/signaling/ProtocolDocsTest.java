package io.relaycast.interfaces.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.relaycast.application.ice.IceServer;
import io.relaycast.application.signaling.SignalingSettings;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.RelayKind;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.viewer.ViewerId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The protocol documents and the codec name the same things, each way round: every client → server
 * type SignalDecoder reads, every server → client type SignalEncoder writes (with the fields it
 * writes) and every error code (WireNames) is in docs/asyncapi.yaml and docs/websocket-protocol.md,
 * and whatever those name exists in the codec. WireNames itself is held to the codec: the decoder
 * accepts each command, the encoder writes each event and no other, the sources raise each code.
 */
class ProtocolDocsTest {

    static final Path ROOT = Path.of(".."); // surefire runs in the module's directory
    static final String ASYNCAPI = AsyncApi.FILE;
    /** Codes a DomainException has that never reach a socket (only REST answers with them). */
    static final Map<String, String> REST_ONLY = Map.of("unsupported-media-type", "UploadRejectedException: uploads",
            "limit-reached", "LimitReachedException: stream creation");

    final SignalEncoder encoder = new SignalEncoder();

    ProtocolDocsTest() {
        encoder.settings = new SignalingSettings(); // so that stream:joined has idleTimeoutSeconds, as in production
    }

    @Test
    void asyncApiHasEveryCommandAndEventTypeAndNoOther() throws IOException {
        AsyncApi api = new AsyncApi(read(ASYNCAPI));
        Set<String> orphans = new TreeSet<>(api.map(api.map(api.root, "components"), "messages").keySet());
        orphans.removeAll(api.publish.keySet());
        orphans.removeAll(api.subscribe.keySet());
        assertTrue(orphans.isEmpty(), ASYNCAPI + ": messages in no channel's publish or subscribe: " + orphans);
        assertBoth(ASYNCAPI + ", publish (client → server) message types", WireNames.COMMANDS,
                api.types(api.publish).keySet());
        assertBoth(ASYNCAPI + ", subscribe (server → client) message types", WireNames.EVENTS,
                api.types(api.subscribe).keySet());
    }

    @Test
    void asyncApiHasEveryErrorCodeAndNoOther() throws IOException {
        AsyncApi api = new AsyncApi(read(ASYNCAPI));
        String error = api.types(api.subscribe).get(WireNames.ERROR);
        Object codes = api.map(api.properties(api.subscribe.get(error).get("payload")), "code").get("enum");
        if (!(codes instanceof List<?> list)) {
            throw new AssertionError(ASYNCAPI + ": message '" + error + "' has no 'code' property with an enum");
        }
        assertBoth(ASYNCAPI + ", enum of 'code' in message '" + error + "'", WireNames.ERROR_CODES,
                list.stream().map(String::valueOf).collect(Collectors.toSet()));
    }

    @Test
    void asyncApiEventFieldsAreTheOnesTheEncoderWrites() throws IOException {
        AsyncApi api = new AsyncApi(read(ASYNCAPI));
        Map<String, String> messageOf = api.types(api.subscribe);
        Map<String, Set<String>> written = new TreeMap<>();
        for (SignalEvent event : samples()) {
            JsonObject json = Json.createReader(new StringReader(encoder.encode(event))).readObject();
            String message = messageOf.get(json.getString("type")); // null: a missing type, reported by another test
            written.computeIfAbsent(message == null ? "" : message, m -> new TreeSet<>()).addAll(json.keySet());
        }
        List<String> wrong = new ArrayList<>();
        api.subscribe.forEach((name, message) -> {
            Set<String> documented = api.properties(message.get("payload")).keySet();
            String difference = difference(written.getOrDefault(name, Set.of()), documented);
            if (!difference.isEmpty()) {
                wrong.add("message '" + name + "', properties of its payload" + difference);
            }
        });
        assertTrue(wrong.isEmpty(), ASYNCAPI + " against what SignalEncoder writes:\n" + String.join("\n", wrong));
    }

    @Test
    void protocolMdHasEveryCommandAndEventTypeAndErrorCodeAndNoOther() throws IOException {
        ProtocolMd md = new ProtocolMd(read(ProtocolMd.FILE));
        assertBoth(ProtocolMd.FILE + ", first column of the table under '## Client → server'", WireNames.COMMANDS,
                md.firstColumn("Client → server"));
        assertBoth(ProtocolMd.FILE + ", first column of the table under '## Server → client'", WireNames.EVENTS,
                md.firstColumn("Server → client"));
        assertBoth(ProtocolMd.FILE + ", the sentence '`error` codes: …' under '## Errors'", WireNames.ERROR_CODES,
                md.errorCodes());
    }

    @Test
    void protocolMdMentionsNoTypeOrCodeTheCodecLacks() throws IOException {
        ProtocolMd md = new ProtocolMd(read(ProtocolMd.FILE));
        Set<String> known = new TreeSet<>(WireNames.COMMANDS);
        known.addAll(WireNames.EVENTS);
        Set<String> unknown = new TreeSet<>();
        for (String span : ProtocolMd.codeSpans(md.prose)) {
            if (span.matches("[a-z]+:[a-z][a-z-]*|stream_[a-z]+") && !known.contains(span)) {
                unknown.add("`" + span + "` (a message type?)");
            }
        }
        find("`error` `([^`]+)`", md.prose, WireNames.ERROR_CODES, "error code", unknown);
        find("(?m)^\\{\"type\":\"([^\"]+)\"", md.examples, known, "type of an example", unknown);
        find("\"type\":\"error\",\"code\":\"([^\"]+)\"", md.examples, WireNames.ERROR_CODES, "code of an example",
                unknown);
        assertTrue(unknown.isEmpty(), ProtocolMd.FILE + " names what the codec does not know: " + unknown);
    }

    @Test
    void wireNamesAreTheCodecs() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : WireNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        Set<String> both = new TreeSet<>(WireNames.COMMANDS);
        both.addAll(WireNames.EVENTS);
        assertBoth("WireNames: COMMANDS and EVENTS against its message type constants", both, constants);
        SignalDecoder decoder = new SignalDecoder(65536);
        for (String type : WireNames.COMMANDS) {
            try {
                decoder.decode("{\"type\":\"" + type + "\"}");
            } catch (SignalingException e) {
                assertNotEquals("unknown-type", e.code(), "SignalDecoder does not read " + type);
            }
        }
        Set<String> kinds = Arrays.stream(SignalEvent.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .filter(kind -> !kind.equals("Encoded")) // already in its wire form: what another node encoded
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = samples().stream().map(e -> e.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(kinds, sampled, "samples() has an event of every kind SignalEncoder writes");
        Set<String> written = samples().stream().map(e -> Json.createReader(new StringReader(encoder.encode(e)))
                .readObject().getString("type")).collect(Collectors.toSet());
        assertBoth("WireNames.EVENTS against the types SignalEncoder writes", WireNames.EVENTS, written);
    }

    /**
     * Where a code is raised: {@code new SignalingException(…, } or {@code new SignalEvent.Error(…, }
     * (the literals of the first argument: {@code inRoom ? "forbidden" : "unknown-peer"} counts both),
     * {@code reject(c, "…"} in SignalingEndpoint, and the body of {@code String code()} in a
     * {@code DomainException}.
     */
    static final Pattern RAISED = Pattern.compile("new\\s+(?:SignalingException|SignalEvent\\.Error)\\s*\\(([^,;]*)"
            + "|reject\\(\\s*\\w+\\s*,\\s*(\"[^\"]*\")|String\\s+code\\(\\)\\s*\\{([^}]*)}");
    static final Pattern CODE = Pattern.compile("\"([a-z][a-z-]*)\"");

    @Test
    void errorCodesAreTheOnesTheSourcesRaise() throws IOException {
        Map<String, Set<String>> sources = new TreeMap<>(); // code → the files raising it
        for (Path dir : List.of(Path.of("src/main/java"), ROOT.resolve("ejb-module/src/main/java"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    // a DomainException, directly or through a subtype such as ConflictException
                    boolean domain = Pattern.compile("class \\w+Exception extends \\w+Exception").matcher(text).find();
                    for (Matcher m = RAISED.matcher(text); m.find(); ) {
                        String raised = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                                : domain ? m.group(3) : "";
                        String name = file.getFileName().toString();
                        CODE.matcher(raised).results()
                                .forEach(code -> sources.computeIfAbsent(code.group(1), c -> new TreeSet<>()).add(name));
                    }
                }
            }
        }
        sources.keySet().removeAll(REST_ONLY.keySet());
        Map<String, Set<String>> unlisted = new TreeMap<>(sources);
        unlisted.keySet().removeAll(WireNames.ERROR_CODES);
        Set<String> unraised = new TreeSet<>(WireNames.ERROR_CODES);
        unraised.removeAll(sources.keySet());
        assertTrue(unlisted.isEmpty(), "WireNames.ERROR_CODES lacks codes raised in the sources " + unlisted
                + ": list them (and document them), or add them to REST_ONLY if no socket ever gets them");
        assertTrue(unraised.isEmpty(), "WireNames.ERROR_CODES has codes the sources never raise: " + unraised);
    }

    /** An event of every kind, with every optional field: both roles' stream:joined, every relayed kind. */
    static List<SignalEvent> samples() {
        PeerId peer = new PeerId("p_1");
        StreamId stream = StreamId.of("6f1c");
        RoomStats stats = new RoomStats(1, 2, 3);
        List<IceServer> ice = List.of(new IceServer(List.of("turn:t"), "u", "c"));
        SignalEvent.AudienceMember carol = new SignalEvent.AudienceMember(peer, new UserId("carol"));
        RelayPayload sdp = new RelayPayload("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
        return List.of(
                new SignalEvent.Joined(stream, peer, PeerRole.BROADCASTER, StreamStatus.LIVE, DeliveryMode.SFU, stats,
                        List.of(carol), null, null, ice),
                new SignalEvent.Joined(stream, peer, PeerRole.VIEWER, StreamStatus.SCHEDULED, DeliveryMode.RELAY, stats,
                        List.of(), new ViewerId("v1"), peer, ice),
                new SignalEvent.SfuPublished(sdp), new SignalEvent.SfuRestart(), new SignalEvent.SfuOffer(sdp),
                new SignalEvent.Admitted(new ViewerId("v1"), ice), new SignalEvent.ViewerJoined(carol),
                new SignalEvent.ViewerLeft(peer), new SignalEvent.BroadcasterLeft(30),
                new SignalEvent.BroadcasterRejoined(peer), new SignalEvent.Relayed(RelayKind.OFFER, peer, sdp),
                new SignalEvent.Relayed(RelayKind.ANSWER, peer, sdp),
                new SignalEvent.Relayed(RelayKind.CANDIDATE, peer, RelayPayload.NULL),
                new SignalEvent.StreamStarted(stream), new SignalEvent.StreamStopped(stream, Instant.EPOCH, "/r.webm"),
                new SignalEvent.StreamUpdate(stats),
                new SignalEvent.StreamRevised(stream, "All hands (moved)", "Agenda", Instant.EPOCH, List.of("q4")),
                new SignalEvent.StreamCancelled(stream),
                new SignalEvent.ChatMessage(1, stream, new UserId("carol"), "carol", "hi", Instant.EPOCH),
                new SignalEvent.ChatDeleted(1),
                new SignalEvent.Reactions(java.util.Map.of("👏", 3)),
                new SignalEvent.QuestionEvent("added", "q1", "Why?", "carol", false, "approved", 0,
                        java.time.Instant.parse("2026-12-05T10:00:00Z")),
                new SignalEvent.QuestionEvent("updated", "q1", "Why?", null, true, "answering", 3,
                        java.time.Instant.parse("2026-12-05T10:00:00Z")),
                new SignalEvent.QuestionRemoved("q1"),
                new SignalEvent.Caption("Welcome, everyone", true, java.time.Instant.parse("2026-12-05T10:00:00Z")),
                new SignalEvent.QuestionVotes(java.util.Map.of("q1", 4)),
                new SignalEvent.PollUpdate("p1", "Lunch?", java.util.List.of("Yes", "No"), java.util.List.of(2, 1), "open"),
                new SignalEvent.PinAdded("p", "t", "https://x", "d", "https://x/i", "1"),
                new SignalEvent.PinRemoved("p"), new SignalEvent.RelayParent(peer, true),
                new SignalEvent.RelayChild(peer), new SignalEvent.RelayChildRemoved(peer),
                new SignalEvent.Pong(Instant.EPOCH),
                new SignalEvent.Error("rate-limited", "Slow mode.", "chat:send", 7));
    }

    static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    /** Fails naming what one side has and the other lacks, both ways at once. */
    static void assertBoth(String what, Set<String> codec, Set<String> documented) {
        String difference = difference(codec, documented);
        assertTrue(difference.isEmpty(), what + difference);
    }

    private static String difference(Set<String> codec, Set<String> documented) {
        Set<String> missing = new TreeSet<>(codec);
        missing.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(codec);
        return (missing.isEmpty() ? "" : ": missing (the codec has them) " + missing)
                + (unknown.isEmpty() ? "" : ": unknown to the codec " + unknown);
    }

    private static void find(String regex, String text, Set<String> known, String what, Set<String> unknown) {
        for (Matcher m = Pattern.compile(regex).matcher(text); m.find(); ) {
            if (!known.contains(m.group(1))) {
                unknown.add(what + " '" + m.group(1) + "'");
            }
        }
    }
}
