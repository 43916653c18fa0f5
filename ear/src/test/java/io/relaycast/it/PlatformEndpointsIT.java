package io.relaycast.it;

import static io.relaycast.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** OpenAPI, OpenAPI UI and health, as integrators and operators use them. */
class PlatformEndpointsIT {

    @Test
    void openApiDescribesEveryEndpointWithSchemasErrorsAndSecurity() {
        String doc = get("/openapi").expect(200).body();
        for (String path : new String[] {"/api/livestream/create:", "/api/livestream/active:",
                "/api/livestream/user/{userId}:", "/api/livestream/{streamId}:", "/api/livestream/{streamId}/start:",
                "/api/livestream/{streamId}/end:", "/api/livestream/{streamId}/join:",
                "/api/livestream/{streamId}/leave:", "/api/livestream/{streamId}/chat:",
                "/api/livestream/{streamId}/like:", "/api/livestream/{streamId}/stats:",
                "/api/livestream/upcoming:", "/api/livestream/recordings:", "/api/session:",
                "/api/livestream/{streamId}/recording:", "/api/livestream/{streamId}/recording/segments:",
                "/api/livestream/{streamId}/recording/segments/{segment}/chunks/{seq}:",
                "/api/livestream/{streamId}/thumbnail:", "/api/livestream/{streamId}/chat/{messageId}:",
                "/api/livestream/{streamId}/bans:", "/api/livestream/{streamId}/bans/{userId}:",
                "/api/livestream/{streamId}/chat-settings:", "/api/livestream/{streamId}/pins:",
                "/api/livestream/{streamId}/pins/{pinId}:", "/api/webhooks:", "/api/webhooks/{id}:",
                "/api/webhooks/{id}/deliveries:", "/api/livestream/{streamId}/stats/timeline:",
                "/api/livestream/{streamId}/stats/quality:", "/api/livestream/{streamId}/stats/report:",
                "/api/livestream/{streamId}/topology:"}) {
            assertTrue(doc.contains(path), "OpenAPI lacks " + path);
        }
        for (String part : new String[] {"application/problem+json", "basicAuth", "scheme: basic",
                "CreateStreamRequest", "JoinResponse", "RecordingSegment", "ChunkReceipt", "IceServer", "StreamStats", "ChatMessage", "Problem",
                "example", "BanRequest", "PinRequest", "WebhookCreated", "TimelineResponse", "SettingsRequest", "TopologyResponse", "relayFanout"}) {
            assertTrue(doc.contains(part), "OpenAPI lacks " + part);
        }
        assertEquals(200, get("/openapi/ui/").status());
    }

    @Test
    void signalingMetricsArePublished() {
        String metrics = get("/metrics?scope=application").expect(200).body();
        for (String name : new String[] {"relaycast_signaling_relayed_total", "relaycast_chat_messages_total",
                "relaycast_signaling_rejected_total", "relaycast_signaling_rooms", "relaycast_signaling_members",
                "relaycast_signaling_viewers", "relaycast_signaling_sessions_open", "relaycast_relay_reparented_total",
                "relaycast_relay_repair_max_seconds"}) {
            assertTrue(metrics.contains(name), "missing metric " + name + " in\n" + metrics);
        }
    }

    @Test
    void healthChecksTheDatabase() {
        JsonObject ready = get("/health/ready").expect(200).json();
        assertEquals("UP", ready.getString("status"));
        assertTrue(ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("UP")));
        assertEquals("UP", get("/health/live").expect(200).json().getString("status"));
    }
}
