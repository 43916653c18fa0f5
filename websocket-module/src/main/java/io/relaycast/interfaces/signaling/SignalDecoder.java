package io.relaycast.interfaces.signaling;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.Playback;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.RelayKind;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.viewer.ViewerId;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A text frame → a typed {@link SignalCommand}, or a {@link SignalingException} carrying the
 * protocol's error code ({@code too-large}, {@code bad-json}, {@code bad-message},
 * {@code unknown-type}). Only the fields a command defines are read: anything else, {@code from}
 * included, is dropped here.
 */
public final class SignalDecoder {

    private final int maxMessageBytes;

    public SignalDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public SignalCommand decode(String text) {
        // chars ≤ UTF-8 bytes: the cheap length test settles most frames without encoding them
        if (text.length() > maxMessageBytes || text.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
            throw new SignalingException("too-large", "Messages are limited to " + maxMessageBytes + " bytes.");
        }
        Map<String, Object> msg = parse(text);
        if (!(msg.get("type") instanceof JsonString type)) {
            throw badMessage("A message is a JSON object with a 'type'.");
        }
        return switch (type.getString()) {
            case WireNames.JOIN -> join(msg);
            case WireNames.OFFER -> relay(RelayKind.OFFER, msg);
            case WireNames.ANSWER -> relay(RelayKind.ANSWER, msg);
            case WireNames.CANDIDATE -> relay(RelayKind.CANDIDATE, msg);
            case WireNames.CHAT_SEND -> new SignalCommand.ChatSend(required(msg, "message"));
            case WireNames.LIKE -> new SignalCommand.Like();
            case WireNames.REACTION -> new SignalCommand.React(required(msg, "emoji"));
            case WireNames.END -> new SignalCommand.EndStream();
            case WireNames.PING -> new SignalCommand.Ping();
            case WireNames.STATS -> new SignalCommand.Stats(measure(msg, "rttMs"), measure(msg, "lossPercent"),
                    measure(msg, "bitrateKbps"), measure(msg, "framesPerSecond"), measure(msg, "uploadKbps"),
                    cpu(optional(msg, "cpu")));
            case WireNames.LOST_PARENT -> new SignalCommand.LostParent();
            case WireNames.TRANSPORT -> new SignalCommand.ChangePlayback(playback(required(msg, "transport")));
            case WireNames.SFU_PUBLISH -> new SignalCommand.SfuPublish(payload(msg, "sdp", false));
            case WireNames.SFU_ANSWER -> new SignalCommand.SfuAnswer(payload(msg, "sdp", false));
            case WireNames.SFU_CANDIDATE -> new SignalCommand.SfuCandidate(payload(msg, "candidate", true));
            case WireNames.SFU_LAYER -> new SignalCommand.SfuLayer(layer(required(msg, "layer")));
            default -> throw new SignalingException("unknown-type", "Unknown message type '"
                    + truncate(type.getString()) + "'.");
        };
    }

    /** An object or array value, as its JSON text. */
    record Nested(String json) {
    }

    /**
     * A message's top-level fields: a scalar as a {@link JsonValue}, a nested object or array (an SDP,
     * a candidate) as {@link Nested}, the exact text the client sent, checked by the parser but never
     * built into a tree and written back: relaying a 3 KB SDP costs one pass over it.
     */
    private static Map<String, Object> parse(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                parser.getValue(); // valid JSON but not an object is a bad message, invalid JSON is bad-json
                requireEnd(parser);
                throw badMessage("A message is a JSON object with a 'type'.");
            }
            Map<String, Object> fields = new HashMap<>();
            for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                String name = parser.getString(); // the parser allows nothing but a key here
                JsonParser.Event value = parser.next();
                fields.put(name, value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY
                        ? nested(parser, text) : parser.getValue());
            }
            requireEnd(parser);
            return fields;
        } catch (SignalingException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw new SignalingException("bad-json", "The message is not valid JSON.");
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new SignalingException("bad-json", "The message is not valid JSON.");
        } catch (RuntimeException e) {
            // Parsson refuses nesting deeper than 1000 with a bare RuntimeException: still the client's fault
            throw new SignalingException("bad-json", "The message is not valid JSON (nested too deeply).");
        }
    }

    private static void requireEnd(JsonParser parser) {
        if (parser.hasNext()) {
            throw new SignalingException("bad-json", "The message is not valid JSON (content after the object).");
        }
    }

    /** From the opening bracket the parser is on to its match: every token checked, nothing built. */
    private static Nested nested(JsonParser parser, String text) {
        int start = (int) parser.getLocation().getStreamOffset() - 1; // the offset is just past the bracket
        int depth = 1;
        while (depth > 0) {
            switch (parser.next()) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> { }
            }
        }
        int end = (int) parser.getLocation().getStreamOffset();
        char open = text.charAt(start);
        char close = text.charAt(end - 1);
        if (!((open == '{' && close == '}') || (open == '[' && close == ']'))) {
            throw new IllegalStateException("JSON parser reported unexpected offsets " + start + ".." + end);
        }
        return new Nested(text.substring(start, end));
    }

    private static SignalCommand.Join join(Map<String, Object> msg) {
        String role = required(msg, "role");
        return switch (role) {
            case "broadcaster" -> new SignalCommand.Join(PeerRole.BROADCASTER,
                    StreamKey.ofNullable(optional(msg, "streamKey")), null, SignalCommand.RelayPrefs.NONE);
            case "viewer" -> new SignalCommand.Join(PeerRole.VIEWER, null,
                    ViewerId.ofNullable(optional(msg, "viewerId")), relayPrefs(msg),
                    msg.containsKey("transport") ? playback(required(msg, "transport")) : Playback.WEBRTC);
            default -> throw badMessage("role must be 'broadcaster' or 'viewer'.");
        };
    }

    private static SignalCommand.Relay relay(RelayKind kind, Map<String, Object> msg) {
        return new SignalCommand.Relay(kind, PeerId.ofNullable(optional(msg, "to")),
                payload(msg, WireNames.payloadField(kind), kind == RelayKind.CANDIDATE));
    }

    /** An opaque JSON field; {@code null} allowed only where it means something (end of candidates). */
    private static RelayPayload payload(Map<String, Object> msg, String field, boolean nullAllowed) {
        Object value = msg.get(field);
        if (value == null || (value == JsonValue.NULL && !nullAllowed)) {
            throw badMessage(((JsonString) msg.get("type")).getString() + " needs '" + field + "'.");
        }
        return json(value);
    }

    private static RelayPayload json(Object value) {
        return new RelayPayload(value instanceof Nested n ? n.json() : value.toString());
    }

    private static Playback playback(String name) {
        Playback p = Playback.ofWireName(name);
        if (p == null) {
            throw badMessage("transport must be 'webrtc' or 'hls'.");
        }
        return p;
    }

    private static int layer(String name) {
        return switch (name) {
            case "low" -> 0;
            case "medium" -> 1;
            case "high" -> 2;
            default -> throw badMessage("layer must be 'low', 'medium' or 'high'.");
        };
    }

    /** Relay delivery: {@code site} (a label, ≤ 64 characters) and {@code relay: false} to stay a leaf. */
    private static SignalCommand.RelayPrefs relayPrefs(Map<String, Object> msg) {
        String site = optional(msg, "site");
        if (site != null && (site.isBlank() || site.length() > 64)) {
            throw badMessage("'site' must be 1–64 characters.");
        }
        Object relay = msg.get("relay");
        if (relay != null && relay != JsonValue.TRUE && relay != JsonValue.FALSE && relay != JsonValue.NULL) {
            throw badMessage("'relay' must be true or false.");
        }
        return site == null && relay != JsonValue.FALSE ? SignalCommand.RelayPrefs.NONE
                : new SignalCommand.RelayPrefs(site == null ? null : site.strip(), relay == JsonValue.FALSE);
    }

    private static String cpu(String value) {
        if (value != null && !java.util.Set.of("nominal", "fair", "serious", "critical").contains(value)) {
            throw badMessage("'cpu' must be nominal, fair, serious or critical (the Compute Pressure states).");
        }
        return value;
    }

    /** An optional measurement: a finite number ≥ 0 and not absurd, or absent/null. */
    private static Double measure(Map<String, Object> msg, String name) {
        Object v = msg.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || n.doubleValue() < 0 || n.doubleValue() > 1e7) {
            throw badMessage("'" + name + "' must be a number from 0 to 10,000,000 (or null).");
        }
        return n.doubleValue();
    }

    private static String required(Map<String, Object> msg, String name) {
        String value = optional(msg, name);
        if (value == null) {
            throw badMessage("'" + name + "' (a string) is required.");
        }
        return value;
    }

    private static String optional(Map<String, Object> msg, String name) {
        Object v = msg.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw badMessage("'" + name + "' must be a string.");
        }
        return s.getString();
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }

    private static SignalingException badMessage(String message) {
        return new SignalingException("bad-message", message);
    }
}
