package io.relaycast.application.signaling;

import io.relaycast.application.IceServer;
import io.relaycast.application.events.ChatPosted;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/** The server → client messages of the signaling protocol (docs/websocket-protocol.md). */
public final class SignalMessages {

    private SignalMessages() {
    }

    public static String error(String code, String message) {
        return Json.createObjectBuilder().add("type", "error").add("code", code).add("message", message)
                .build().toString();
    }

    public static String pong() {
        return Json.createObjectBuilder().add("type", "pong").add("time", Instant.now().toString()).build().toString();
    }

    public static String joined(Participant p, String status, List<IceServer> iceServers, String broadcasterPeerId,
                                List<Participant> viewers, Stats stats) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "stream:joined")
                .add("streamId", p.streamId())
                .add("peerId", p.peerId())
                .add("role", p.role().wireName())
                .add("status", status)
                .add("stats", stats.json());
        if (p.isBroadcaster()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            viewers.forEach(v -> list.add(viewer(v)));
            b.add("viewers", list);
        } else {
            nullable(b, "viewerId", p.viewerId());
            nullable(b, "broadcasterPeerId", broadcasterPeerId);
        }
        JsonArrayBuilder servers = Json.createArrayBuilder();
        for (IceServer s : iceServers) {
            JsonObjectBuilder e = Json.createObjectBuilder().add("urls", Json.createArrayBuilder(s.urls()));
            if (s.username() != null) {
                e.add("username", s.username()).add("credential", s.credential());
            }
            servers.add(e);
        }
        b.add("iceServers", servers);
        return b.build().toString();
    }

    public static String viewerJoined(Participant viewer) {
        return viewer(viewer).add("type", "stream:viewer-joined").build().toString();
    }

    public static String viewerLeft(Participant viewer) {
        return Json.createObjectBuilder().add("type", "stream:viewer-left").add("peerId", viewer.peerId())
                .build().toString();
    }

    public static String broadcasterLeft(int graceSeconds) {
        return Json.createObjectBuilder().add("type", "stream:broadcaster-left").add("graceSeconds", graceSeconds)
                .build().toString();
    }

    public static String broadcasterRejoined(String peerId) {
        return Json.createObjectBuilder().add("type", "stream:broadcaster-rejoined").add("peerId", peerId)
                .build().toString();
    }

    /** A relayed offer/answer/candidate: only the payload field, and a server-set {@code from}. */
    public static String relay(String type, String from, String payloadField, JsonValue payload) {
        return Json.createObjectBuilder().add("type", type).add("from", from).add(payloadField, payload)
                .build().toString();
    }

    public static String streamStarted(String streamId) {
        return Json.createObjectBuilder().add("type", "stream_started").add("streamId", streamId).build().toString();
    }

    public static String streamStopped(String streamId, Instant endedAt, String recordingUrl) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "stream_stopped").add("streamId", streamId)
                .add("endedAt", endedAt.toString());
        nullable(b, "recordingUrl", recordingUrl);
        return b.build().toString();
    }

    public static String streamUpdate(Stats stats) {
        return stats.jsonBuilder().add("type", "stream_update").build().toString();
    }

    public static String chat(ChatPosted m) {
        return Json.createObjectBuilder().add("type", "chat:message")
                .add("id", m.id())
                .add("streamId", m.streamId())
                .add("userId", m.userId())
                .add("displayName", m.displayName())
                .add("message", m.message())
                .add("createdAt", m.createdAt().toString())
                .build().toString();
    }

    private static JsonObjectBuilder viewer(Participant v) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("peerId", v.peerId());
        nullable(b, "userId", v.userId());
        return b;
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    /** Live numbers of a room. */
    public record Stats(long viewers, long peak, long likes) {

        JsonObjectBuilder jsonBuilder() {
            return Json.createObjectBuilder().add("viewers", viewers).add("peak", peak).add("likes", likes);
        }

        JsonValue json() {
            return jsonBuilder().build();
        }
    }
}
