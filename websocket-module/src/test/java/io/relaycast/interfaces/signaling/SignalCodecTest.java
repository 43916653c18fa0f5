package io.relaycast.interfaces.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.ice.IceServer;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.Playback;
import io.relaycast.application.signaling.protocol.RelayKind;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.viewer.ViewerId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire edge: frames → commands, events → frames, and the error codes for bad frames. */
class SignalCodecTest {

    final SignalDecoder decoder = new SignalDecoder(65536);
    final SignalEncoder encoder = new SignalEncoder();
    static final StreamId STREAM = StreamId.of("6f1c");
    static final PeerId PEER = new PeerId("p_abc");
    static final Instant T = Instant.parse("2026-11-21T13:02:11.500Z");

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    String errorCode(String frame) {
        return assertThrows(SignalingException.class, () -> decoder.decode(frame)).code();
    }

    @Test
    void decodesEveryClientMessage() {
        SignalCommand.Join b = (SignalCommand.Join) decoder.decode(
                "{\"type\":\"stream:join\",\"role\":\"broadcaster\",\"streamKey\":\"rk_1\"}");
        assertEquals(PeerRole.BROADCASTER, b.role());
        assertEquals(StreamKey.of("rk_1"), b.streamKey());
        SignalCommand.Join v = (SignalCommand.Join) decoder.decode(
                "{\"type\":\"stream:join\",\"role\":\"viewer\",\"viewerId\":\"0b4c\"}");
        assertEquals(new SignalCommand.Join(PeerRole.VIEWER, null, new ViewerId("0b4c"), SignalCommand.RelayPrefs.NONE), v);
        assertEquals(new SignalCommand.RelayPrefs("paris", true), ((SignalCommand.Join) decoder.decode(
                "{\"type\":\"stream:join\",\"role\":\"viewer\",\"site\":\" paris \",\"relay\":false}")).relay());
        assertEquals("bad-message", errorCode("{\"type\":\"stream:join\",\"role\":\"viewer\",\"relay\":\"no\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:join\",\"role\":\"viewer\",\"site\":\"" + "x".repeat(65) + "\"}"));
        assertEquals(Playback.HLS, ((SignalCommand.Join) decoder.decode(
                "{\"type\":\"stream:join\",\"role\":\"viewer\",\"transport\":\"hls\"}")).playback());
        assertEquals(new SignalCommand.ChangePlayback(Playback.WEBRTC),
                decoder.decode("{\"type\":\"stream:transport\",\"transport\":\"webrtc\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:transport\",\"transport\":\"dash\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:join\",\"role\":\"viewer\",\"transport\":7}"));
        assertInstanceOf(SignalCommand.LostParent.class, decoder.decode("{\"type\":\"relay:lost-parent\"}"));
        assertEquals(new SignalCommand.React("👏"), decoder.decode("{\"type\":\"reaction\",\"emoji\":\"👏\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stats\",\"cpu\":\"melting\"}"));
        assertEquals(SignalCommand.Join.viewer(null), decoder.decode("{\"type\":\"stream:join\",\"role\":\"viewer\"}"));

        assertEquals(new SignalCommand.Relay(RelayKind.OFFER, PEER, new RelayPayload("{\"type\":\"offer\",\"sdp\":\"v=0\"}")),
                decoder.decode("{\"type\":\"stream:offer\",\"to\":\"p_abc\",\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}"));
        assertEquals(new SignalCommand.Relay(RelayKind.ANSWER, null, new RelayPayload("\"v=0\"")),
                decoder.decode("{\"type\":\"stream:answer\",\"sdp\":\"v=0\"}"));
        assertEquals(new SignalCommand.Relay(RelayKind.CANDIDATE, PEER, RelayPayload.NULL),
                decoder.decode("{\"type\":\"stream:ice-candidate\",\"to\":\"p_abc\",\"candidate\":null}"));
        assertEquals(new SignalCommand.ChatSend("Great demo!"),
                decoder.decode("{\"type\":\"chat:send\",\"message\":\"Great demo!\"}"));
        assertInstanceOf(SignalCommand.Like.class, decoder.decode("{\"type\":\"like\"}"));
        assertInstanceOf(SignalCommand.EndStream.class, decoder.decode("{\"type\":\"stream:end\"}"));
        assertInstanceOf(SignalCommand.Ping.class, decoder.decode("{\"type\":\"ping\"}"));
        assertEquals(new SignalCommand.SfuPublish(new RelayPayload("{\"type\":\"offer\"}")),
                decoder.decode("{\"type\":\"sfu:publish\",\"sdp\":{\"type\":\"offer\"}}"));
        assertEquals(new SignalCommand.SfuAnswer(new RelayPayload("\"v=0\"")),
                decoder.decode("{\"type\":\"sfu:answer\",\"sdp\":\"v=0\"}"));
        assertEquals(new SignalCommand.SfuCandidate(RelayPayload.NULL),
                decoder.decode("{\"type\":\"sfu:candidate\",\"candidate\":null}"));
        assertEquals(new SignalCommand.SfuLayer(0), decoder.decode("{\"type\":\"sfu:layer\",\"layer\":\"low\"}"));
        assertEquals(new SignalCommand.SfuLayer(2), decoder.decode("{\"type\":\"sfu:layer\",\"layer\":\"high\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"sfu:layer\",\"layer\":\"ultra\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"sfu:publish\",\"sdp\":null}"));
    }

    @Test
    void malformedFramesGetTheDocumentedCodes() {
        assertEquals("bad-json", errorCode("{\"type\":"));
        assertEquals("bad-json", errorCode("not json"));
        assertEquals("bad-json", errorCode("{} {}"));
        assertEquals("bad-json", errorCode(""));
        assertEquals("bad-json", errorCode("{\"type\":\"ping\"} trailing"));
        assertEquals("bad-message", errorCode("[1,2]"));
        assertEquals("bad-message", errorCode("\"stream:join\""));
        assertEquals("bad-message", errorCode("{\"role\":\"viewer\"}"));
        assertEquals("bad-message", errorCode("{\"type\":42}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:join\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:join\",\"role\":\"admin\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:join\",\"role\":\"viewer\",\"viewerId\":7}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:offer\",\"to\":\"p_abc\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:answer\",\"sdp\":null}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:ice-candidate\",\"to\":\"p_abc\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:offer\",\"to\":[\"p\"],\"sdp\":\"x\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"chat:send\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"chat:send\",\"message\":{\"html\":\"<b>\"}}"));
        assertEquals("unknown-type", errorCode("{\"type\":\"stream:takeover\"}"));
        assertEquals("too-large", errorCode("{\"type\":\"chat:send\",\"message\":\"" + "x".repeat(70_000) + "\"}"));
        // 30,000 three-byte characters: under the limit in chars, over it in UTF-8 bytes
        assertEquals("too-large", errorCode("{\"type\":\"chat:send\",\"message\":\"" + "€".repeat(30_000) + "\"}"));
        // deep nesting is an error message (not an internal error, not a stack overflow)
        assertEquals("bad-json", errorCode("[".repeat(20_000) + "]".repeat(20_000)));
        assertEquals("bad-json", errorCode("{\"type\":\"ping\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        assertInstanceOf(SignalCommand.Ping.class,
                decoder.decode("{\"type\":\"ping\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}"));
    }

    @Test
    void unknownFieldsAndAClientFromAreDropped() {
        SignalCommand c = decoder.decode("{\"type\":\"stream:answer\",\"from\":\"p_forged\",\"admin\":true,"
                + "\"sdp\":{\"type\":\"answer\"}}");
        SignalCommand.Relay r = assertInstanceOf(SignalCommand.Relay.class, c);
        assertFalse(r.toString().contains("p_forged"));

        JsonObject out = json(encoder.encode(new SignalEvent.Relayed(r.kind(), PEER, r.payload())));
        assertEquals("p_abc", out.getString("from"), "from is the server's");
        assertEquals(Json.createObjectBuilder().add("type", "answer").build(), out.getJsonObject("sdp"));
        assertEquals(List.of("type", "from", "sdp"), List.copyOf(out.keySet()));
    }

    @Test
    void aNestedPayloadIsRelayedAsTheExactTextSentAndOnlyIfItIsValid() {
        String sdp = "{ \"type\" : \"offer\",\n \"sdp\":\"v=0\\r\\na=\\u00e9 {[\\\"]}\", \"x\":[1, {\"y\":[]} , null] }";
        SignalCommand.Relay r = (SignalCommand.Relay) decoder.decode(
                "{\"sdp\":" + sdp + " , \"type\":\"stream:offer\",\"to\":\"p_abc\"}");
        assertEquals(sdp, r.payload().json(), "whitespace, escapes and brackets inside strings kept as sent");
        assertEquals(json(sdp), json(r.payload().json()));
        SignalCommand.Relay candidates = (SignalCommand.Relay) decoder.decode(
                "{\"type\":\"stream:ice-candidate\",\"candidate\":[\"a\",[\"b\"]]}");
        assertEquals("[\"a\",[\"b\"]]", candidates.payload().json());
        // the last of a repeated field counts, as in a JSON object
        assertEquals("{\"n\":2}", ((SignalCommand.Relay) decoder.decode(
                "{\"type\":\"stream:answer\",\"sdp\":{\"n\":1},\"sdp\":{\"n\":2}}")).payload().json());
        // broken structure inside the payload is refused, never passed on to the other peer
        assertEquals("bad-json", errorCode("{\"type\":\"stream:offer\",\"sdp\":{\"a\":1,,\"b\":2}}"));
        assertEquals("bad-json", errorCode("{\"type\":\"stream:offer\",\"sdp\":{\"a\":[}}"));
        assertEquals("bad-json", errorCode("{\"type\":\"stream:offer\",\"sdp\":{\"a\" \"b\"}}"));
        assertEquals("bad-json", errorCode("{\"type\":\"stream:offer\",\"sdp\":{\"a\":1}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stream:join\",\"role\":{\"r\":\"viewer\"}}"));
    }

    @Test
    void encodesRelayedMessagesWithThePayloadUnchanged() {
        String candidate = "{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\","
                + "\"sdpMLineIndex\":0}";
        SignalCommand.Relay in = (SignalCommand.Relay) decoder.decode(
                "{\"type\":\"stream:ice-candidate\",\"to\":\"p_abc\",\"candidate\":" + candidate + "}");
        JsonObject out = json(encoder.encode(new SignalEvent.Relayed(in.kind(), PEER, in.payload())));
        assertEquals("stream:ice-candidate", out.getString("type"));
        assertEquals(json(candidate), out.getJsonObject("candidate"));

        JsonObject nullCandidate = json(encoder.encode(new SignalEvent.Relayed(RelayKind.CANDIDATE, PEER, RelayPayload.NULL)));
        assertEquals(JsonValue.NULL, nullCandidate.get("candidate"));
        JsonObject offer = json(encoder.encode(new SignalEvent.Relayed(RelayKind.OFFER, PEER, new RelayPayload("\"v=0\\r\\n\""))));
        assertEquals("stream:offer", offer.getString("type"));
        assertEquals("v=0\r\n", offer.getString("sdp"));
    }

    @Test
    void encodesJoinedForBroadcasterAndViewer() {
        IceServer turn = new IceServer(List.of("turn:127.0.0.1:3478"), "1795003600:v1", "secret");
        JsonObject b = json(encoder.encode(new SignalEvent.Joined(STREAM, PEER, PeerRole.BROADCASTER, StreamStatus.LIVE, DeliveryMode.SFU,
                new RoomStats(3, 5, 17), List.of(new SignalEvent.AudienceMember(new PeerId("p_v"), new UserId("carol")),
                new SignalEvent.AudienceMember(new PeerId("p_w"), null)), null, null, List.of(turn))));
        assertEquals("stream:joined", b.getString("type"));
        assertEquals("broadcaster", b.getString("role"));
        assertEquals("live", b.getString("status"));
        assertEquals("sfu", b.getString("delivery"));
        assertEquals(json("{\"viewers\":3,\"peak\":5,\"likes\":17}"), b.getJsonObject("stats"));
        assertEquals(json("{\"peerId\":\"p_v\",\"userId\":\"carol\"}"), b.getJsonArray("viewers").getJsonObject(0));
        assertTrue(b.getJsonArray("viewers").getJsonObject(1).isNull("userId"));
        assertFalse(b.containsKey("viewerId"));
        assertEquals(json("{\"urls\":[\"turn:127.0.0.1:3478\"],\"username\":\"1795003600:v1\",\"credential\":\"secret\"}"),
                b.getJsonArray("iceServers").getJsonObject(0));

        JsonObject v = json(encoder.encode(new SignalEvent.Joined(STREAM, PEER, PeerRole.VIEWER, StreamStatus.SCHEDULED, DeliveryMode.P2P,
                new RoomStats(0, 0, 0), List.of(), null, null, List.of(IceServer.stun(List.of("stun:x"))))));
        assertEquals("viewer", v.getString("role"));
        assertEquals("scheduled", v.getString("status"));
        assertTrue(v.isNull("viewerId"));
        assertTrue(v.isNull("broadcasterPeerId"));
        assertFalse(v.containsKey("viewers"));
        assertEquals(json("{\"urls\":[\"stun:x\"]}"), v.getJsonArray("iceServers").getJsonObject(0));
    }

    @Test
    void encodesEveryOtherServerMessage() {
        assertEquals(json("{\"type\":\"stream:viewer-joined\",\"peerId\":\"p_abc\",\"userId\":null}"),
                json(encoder.encode(new SignalEvent.ViewerJoined(new SignalEvent.AudienceMember(PEER, null)))));
        assertEquals(json("{\"type\":\"stream:admitted\",\"viewerId\":\"v1\",\"iceServers\":[{\"urls\":[\"turn:t\"],"
                        + "\"username\":\"u\",\"credential\":\"c\"}]}"),
                json(encoder.encode(new SignalEvent.Admitted(new ViewerId("v1"),
                        List.of(new IceServer(List.of("turn:t"), "u", "c"))))));
        assertEquals(json("{\"type\":\"sfu:offer\",\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}"),
                json(encoder.encode(new SignalEvent.SfuOffer(new RelayPayload("{\"type\":\"offer\",\"sdp\":\"v=0\"}")))));
        assertEquals(json("{\"type\":\"sfu:published\",\"sdp\":{\"type\":\"answer\"}}"),
                json(encoder.encode(new SignalEvent.SfuPublished(new RelayPayload("{\"type\":\"answer\"}")))));
        assertEquals(json("{\"type\":\"stream:viewer-left\",\"peerId\":\"p_abc\"}"),
                json(encoder.encode(new SignalEvent.ViewerLeft(PEER))));
        assertEquals(json("{\"type\":\"stream:broadcaster-left\",\"graceSeconds\":30}"),
                json(encoder.encode(new SignalEvent.BroadcasterLeft(30))));
        assertEquals(json("{\"type\":\"stream:broadcaster-rejoined\",\"peerId\":\"p_abc\"}"),
                json(encoder.encode(new SignalEvent.BroadcasterRejoined(PEER))));
        assertEquals(json("{\"type\":\"stream_started\",\"streamId\":\"6f1c\"}"),
                json(encoder.encode(new SignalEvent.StreamStarted(STREAM))));
        assertEquals(json("{\"type\":\"stream_stopped\",\"streamId\":\"6f1c\",\"endedAt\":\"2026-11-21T13:02:11.500Z\","
                + "\"recordingUrl\":null}"), json(encoder.encode(new SignalEvent.StreamStopped(STREAM, T, null))));
        assertEquals("/media/6f1c/recording.webm", json(encoder.encode(
                new SignalEvent.StreamStopped(STREAM, T, "/media/6f1c/recording.webm"))).getString("recordingUrl"));
        assertEquals(json("{\"type\":\"stream_update\",\"viewers\":12,\"peak\":40,\"likes\":118}"),
                json(encoder.encode(new SignalEvent.StreamUpdate(new RoomStats(12, 40, 118)))));
        assertEquals(json("{\"type\":\"chat:message\",\"id\":1051,\"streamId\":\"6f1c\",\"userId\":\"carol\","
                        + "\"displayName\":\"carol\",\"message\":\"<img src=x> \\\"hi\\\"\",\"createdAt\":\"2026-11-21T13:02:11.500Z\"}"),
                json(encoder.encode(new SignalEvent.ChatMessage(1051, STREAM, new UserId("carol"), "carol",
                        "<img src=x> \"hi\"", T))));
        assertEquals(json("{\"type\":\"pong\",\"time\":\"2026-11-21T13:02:11.500Z\"}"),
                json(encoder.encode(new SignalEvent.Pong(T))));
        assertEquals(json("{\"type\":\"error\",\"code\":\"forbidden\",\"message\":\"No.\"}"),
                json(encoder.encode(new SignalEvent.Error("forbidden", "No."))));
        assertEquals(json("{\"type\":\"error\",\"code\":\"rate-limited\",\"message\":\"Slow mode.\","
                + "\"inReplyTo\":\"chat:send\",\"retryAfter\":7}"),
                json(encoder.encode(new SignalEvent.Error("rate-limited", "Slow mode.", "chat:send", 7))));
        assertEquals("chat:send", WireNames.answeredInPlace(new SignalCommand.ChatSend("hi")));
        assertEquals("like", WireNames.answeredInPlace(new SignalCommand.Like()));
        assertEquals(null, WireNames.answeredInPlace(new SignalCommand.Ping()));
    }

    @Test
    void staffMessagesBothWays() {
        assertEquals(new SignalCommand.Stats(42.5, 0.0, 900.0, null, null, null), decoder.decode(
                "{\"type\":\"stats\",\"rttMs\":42.5,\"lossPercent\":0,\"bitrateKbps\":900,\"framesPerSecond\":null}"));
        assertEquals(new SignalCommand.Stats(null, null, null, null, null, null), decoder.decode("{\"type\":\"stats\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stats\",\"rttMs\":\"fast\"}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stats\",\"lossPercent\":-1}"));
        assertEquals("bad-message", errorCode("{\"type\":\"stats\",\"bitrateKbps\":1e300}"));
        assertEquals(json("{\"type\":\"chat:deleted\",\"id\":1051}"),
                json(encoder.encode(new SignalEvent.ChatDeleted(1051))));
        assertEquals(json("{\"type\":\"pin:added\",\"pinId\":\"p1\",\"title\":\"<b>Plan</b>\",\"url\":\"https://example.com\","
                        + "\"description\":null,\"imageUrl\":null,\"price\":\"€49\"}"),
                json(encoder.encode(new SignalEvent.PinAdded("p1", "<b>Plan</b>", "https://example.com", null, null, "€49"))));
        assertEquals(json("{\"type\":\"pin:removed\",\"pinId\":\"p1\"}"),
                json(encoder.encode(new SignalEvent.PinRemoved("p1"))));
        assertEquals(json("{\"type\":\"relay:parent\",\"peerId\":\"p_abc\",\"broadcaster\":true}"),
                json(encoder.encode(new SignalEvent.RelayParent(PEER, true))));
        assertEquals(json("{\"type\":\"relay:child\",\"peerId\":\"p_abc\"}"),
                json(encoder.encode(new SignalEvent.RelayChild(PEER))));
        assertEquals(json("{\"type\":\"relay:child-removed\",\"peerId\":\"p_abc\"}"),
                json(encoder.encode(new SignalEvent.RelayChildRemoved(PEER))));
    }

    @Test
    void aRoomWideEventIsSerializedOncePerPublish() {
        SignalEvent update = new SignalEvent.StreamUpdate(new RoomStats(1, 1, 1));
        String first = encoder.encode(update);
        assertSame(first, encoder.encode(update), "same instance → same text, not encoded again");
        SignalEvent equalButNew = new SignalEvent.StreamUpdate(new RoomStats(1, 1, 1));
        assertEquals(first, encoder.encode(equalButNew));
    }
}
