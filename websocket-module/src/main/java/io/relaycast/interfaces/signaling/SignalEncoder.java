package io.relaycast.interfaces.signaling;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.ice.IceServer;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalEventCodec;
import io.relaycast.application.signaling.SignalingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A typed {@link SignalEvent} → its JSON text. A room-wide event reaches every member as the same
 * instance one after the other, so the last encoding is remembered: one serialization per publish,
 * not one per recipient. One instance is shared by every session.
 */
@ApplicationScoped
public class SignalEncoder implements SignalEventCodec {

    private record Encoded(SignalEvent event, String text) {
    }

    private volatile Encoded last;

    /** The socket's idle timeout, told to joiners so that they ping often enough (null in unit tests). */
    @Inject
    SignalingSettings settings;

    @Override
    public String encode(SignalEvent event) {
        Encoded cached = last;
        if (cached != null && cached.event() == event) {
            return cached.text();
        }
        String text = toJson(event);
        last = new Encoded(event, text);
        return text;
    }

    String toJson(SignalEvent event) {
        if (event instanceof SignalEvent.Encoded e) {
            return e.text();
        }
        if (event instanceof SignalEvent.Relayed r) {
            // The payload is JSON text as parsed from the sender; written back unchanged, not re-parsed.
            return "{\"type\":\"" + WireNames.relayType(r.kind()) + "\",\"from\":" + quoted(r.from().value())
                    + ",\"" + WireNames.payloadField(r.kind()) + "\":" + r.payload().json() + "}";
        }
        if (event instanceof SignalEvent.SfuPublished p) {
            return "{\"type\":\"" + WireNames.SFU_PUBLISHED + "\",\"sdp\":" + p.sdp().json() + "}";
        }
        if (event instanceof SignalEvent.SfuOffer o) {
            return "{\"type\":\"" + WireNames.SFU_OFFER + "\",\"sdp\":" + o.sdp().json() + "}";
        }
        return builderFor(event).build().toString();
    }

    private JsonObjectBuilder builderFor(SignalEvent event) {
        if (event instanceof SignalEvent.Joined j) {
            return joined(j);
        } else if (event instanceof SignalEvent.ChatMessage m) {
            return typed(WireNames.CHAT_MESSAGE).add("id", m.id()).add("streamId", m.streamId().value())
                    .add("userId", m.userId().value()).add("displayName", m.displayName())
                    .add("message", m.message()).add("createdAt", m.createdAt().toString());
        } else if (event instanceof SignalEvent.StreamUpdate u) {
            return stats(typed(WireNames.STREAM_UPDATE), u.stats());
        } else if (event instanceof SignalEvent.StreamRevised r) {
            JsonObjectBuilder b = typed(WireNames.STREAM_UPDATED).add("streamId", r.streamId().value())
                    .add("title", r.title()).add("tags", JSON.createArrayBuilder(r.tags()));
            nullable(b, "description", r.description());
            return nullable(b, "scheduledAt", r.scheduledAt() == null ? null : r.scheduledAt().toString());
        } else if (event instanceof SignalEvent.StreamCancelled c) {
            return typed(WireNames.STREAM_CANCELLED).add("streamId", c.streamId().value());
        } else if (event instanceof SignalEvent.Admitted a) {
            return typed(WireNames.ADMITTED).add("viewerId", a.viewerId().value())
                    .add("iceServers", iceServers(a.iceServers()));
        } else if (event instanceof SignalEvent.ViewerJoined v) {
            return member(typed(WireNames.VIEWER_JOINED), v.viewer());
        } else if (event instanceof SignalEvent.ViewerLeft v) {
            return typed(WireNames.VIEWER_LEFT).add("peerId", v.peerId().value());
        } else if (event instanceof SignalEvent.BroadcasterLeft b) {
            return typed(WireNames.BROADCASTER_LEFT).add("graceSeconds", b.graceSeconds());
        } else if (event instanceof SignalEvent.BroadcasterRejoined b) {
            return typed(WireNames.BROADCASTER_REJOINED).add("peerId", b.peerId().value());
        } else if (event instanceof SignalEvent.StreamStarted s) {
            return typed(WireNames.STREAM_STARTED).add("streamId", s.streamId().value());
        } else if (event instanceof SignalEvent.StreamStopped s) {
            JsonObjectBuilder b = typed(WireNames.STREAM_STOPPED).add("streamId", s.streamId().value())
                    .add("endedAt", s.endedAt().toString());
            return nullable(b, "recordingUrl", s.recordingUrl());
        } else if (event instanceof SignalEvent.ChatDeleted d) {
            return typed(WireNames.CHAT_DELETED).add("id", d.id());
        } else if (event instanceof SignalEvent.QuestionEvent q) {
            JsonObjectBuilder b = typed("added".equals(q.kind()) ? WireNames.QUESTION_ADDED : WireNames.QUESTION_UPDATED)
                    .add("id", q.id()).add("text", q.text()).add("anonymous", q.anonymous()).add("state", q.state())
                    .add("votes", q.votes()).add("createdAt", q.createdAt().toString());
            return nullable(b, "author", q.author());
        } else if (event instanceof SignalEvent.Caption c) {
            return typed(WireNames.CAPTION).add("text", c.text()).add("final", c.finalLine()).add("at", c.at().toString());
        } else if (event instanceof SignalEvent.QuestionRemoved q) {
            return typed(WireNames.QUESTION_REMOVED).add("id", q.id());
        } else if (event instanceof SignalEvent.QuestionVotes v) {
            JsonObjectBuilder votes = JSON.createObjectBuilder();
            v.votes().forEach(votes::add);
            return typed(WireNames.QUESTION_VOTES).add("votes", votes);
        } else if (event instanceof SignalEvent.PollUpdate p) {
            return typed(WireNames.POLL).add("pollId", p.pollId()).add("question", p.question())
                    .add("options", JSON.createArrayBuilder(p.options())).add("votes", JSON.createArrayBuilder(p.votes()))
                    .add("state", p.state());
        } else if (event instanceof SignalEvent.Reactions r) {
            JsonObjectBuilder counts = JSON.createObjectBuilder();
            r.counts().forEach(counts::add);
            return typed(WireNames.REACTION_COUNTS).add("counts", counts);
        } else if (event instanceof SignalEvent.PinAdded p) {
            JsonObjectBuilder b = typed(WireNames.PIN_ADDED).add("pinId", p.pinId()).add("title", p.title())
                    .add("url", p.url());
            nullable(b, "description", p.description());
            nullable(b, "imageUrl", p.imageUrl());
            return nullable(b, "price", p.price());
        } else if (event instanceof SignalEvent.PinRemoved p) {
            return typed(WireNames.PIN_REMOVED).add("pinId", p.pinId());
        } else if (event instanceof SignalEvent.RelayParent r) {
            return typed(WireNames.RELAY_PARENT).add("peerId", r.parent().value()).add("broadcaster", r.broadcaster());
        } else if (event instanceof SignalEvent.RelayChild r) {
            return typed(WireNames.RELAY_CHILD).add("peerId", r.child().value());
        } else if (event instanceof SignalEvent.RelayChildRemoved r) {
            return typed(WireNames.RELAY_CHILD_REMOVED).add("peerId", r.child().value());
        } else if (event instanceof SignalEvent.SfuRestart) {
            return typed(WireNames.SFU_RESTART);
        } else if (event instanceof SignalEvent.Pong p) {
            return typed(WireNames.PONG).add("time", p.time().toString());
        } else if (event instanceof SignalEvent.Error e) {
            JsonObjectBuilder error = typed(WireNames.ERROR).add("code", e.code()).add("message", e.message());
            if (e.inReplyTo() != null) {
                error.add("inReplyTo", e.inReplyTo());
            }
            return e.retryAfter() > 0 ? error.add("retryAfter", e.retryAfter()) : error;
        }
        throw new IllegalArgumentException("No wire form for " + event.getClass().getSimpleName());
    }

    private JsonObjectBuilder joined(SignalEvent.Joined j) {
        JsonObjectBuilder b = typed(WireNames.JOINED)
                .add("streamId", j.streamId().value())
                .add("peerId", j.peerId().value())
                .add("role", j.role().wireName())
                .add("status", j.status().wireName())
                .add("delivery", j.delivery().wireName())
                .add("stats", stats(JSON.createObjectBuilder(), j.stats()));
        if (j.role() == PeerRole.BROADCASTER) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            j.viewers().forEach(v -> list.add(member(JSON.createObjectBuilder(), v)));
            b.add("viewers", list);
        } else {
            nullable(b, "viewerId", j.viewerId() == null ? null : j.viewerId().value());
            nullable(b, "broadcasterPeerId", j.broadcasterPeerId() == null ? null : j.broadcasterPeerId().value());
        }
        if (settings != null) {
            b.add("idleTimeoutSeconds", settings.idleTimeoutSeconds());
        }
        return b.add("iceServers", iceServers(j.iceServers()));
    }

    private static JsonArrayBuilder iceServers(List<IceServer> list) {
        JsonArrayBuilder servers = JSON.createArrayBuilder();
        for (IceServer s : list) {
            JsonObjectBuilder e = JSON.createObjectBuilder().add("urls", JSON.createArrayBuilder(s.urls()));
            if (s.username() != null) {
                e.add("username", s.username()).add("credential", s.credential());
            }
            servers.add(e);
        }
        return servers;
    }

    private static JsonObjectBuilder typed(String type) {
        return JSON.createObjectBuilder().add("type", type);
    }

    private static JsonObjectBuilder stats(JsonObjectBuilder b, RoomStats s) {
        return b.add("viewers", s.viewers()).add("peak", s.peak()).add("likes", s.likes());
    }

    private static JsonObjectBuilder member(JsonObjectBuilder b, SignalEvent.AudienceMember m) {
        b.add("peerId", m.peerId().value());
        return nullable(b, "userId", m.userId() == null ? null : m.userId().value());
    }

    private static JsonObjectBuilder nullable(JsonObjectBuilder b, String name, String value) {
        return value == null ? b.addNull(name) : b.add(name, value);
    }

    private static String quoted(String s) {
        return JSON.createValue(s).toString();
    }
}
