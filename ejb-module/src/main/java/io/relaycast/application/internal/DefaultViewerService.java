package io.relaycast.application.internal;

import io.relaycast.application.IceServerProvider;
import io.relaycast.application.ViewerAdmission;
import io.relaycast.application.ViewerService;
import io.relaycast.domain.model.Livestream;
import io.relaycast.domain.model.LivestreamRepository;
import io.relaycast.domain.model.LivestreamViewer;
import io.relaycast.domain.model.StreamNotFoundException;
import io.relaycast.domain.model.StreamStateException;
import io.relaycast.domain.model.ViewerRepository;
import io.relaycast.application.events.AudienceChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;

@Stateless
public class DefaultViewerService implements ViewerService {

    @Inject
    LivestreamRepository streams;

    @Inject
    ViewerRepository viewers;

    @Inject
    IceServerProvider iceServers;

    @Inject
    Clock clock;

    @Inject
    Event<Object> events;

    @Override
    public ViewerAdmission join(String streamId, String userIdOrNull) {
        // The row lock serialises joins per stream, so the peak is the true maximum of open sessions.
        Livestream stream = streams.getForUpdate(streamId);
        LivestreamViewer viewer = LivestreamViewer.join(stream, userIdOrNull, clock.instant());
        viewers.add(viewer);
        stream.observeConcurrentViewers(viewers.countOpen(streamId));
        events.fire(new AudienceChanged(streamId));
        return new ViewerAdmission(viewer.getId(), iceServers.iceServersFor(viewer.getId()));
    }

    @Override
    public void leave(String streamId, String viewerId) {
        LivestreamViewer viewer = viewerOf(streamId, viewerId);
        if (viewer.isOpen()) {
            viewer.leave(clock.instant());
            events.fire(new AudienceChanged(streamId));
        }
    }

    @Override
    public ViewerAdmission adopt(String streamId, String viewerId) {
        LivestreamViewer viewer = viewerOf(streamId, viewerId);
        if (!viewer.isOpen()) {
            throw new StreamStateException("Viewer '" + viewerId + "' has already left; join again.", null);
        }
        return new ViewerAdmission(viewer.getId(), iceServers.iceServersFor(viewer.getId()));
    }

    @Override
    public int closeAllOpenSessions() {
        return viewers.closeAllOpen(clock.instant());
    }

    private LivestreamViewer viewerOf(String streamId, String viewerId) {
        streams.get(streamId);
        return viewers.find(viewerId)
                .filter(v -> v.belongsTo(streamId))
                .orElseThrow(() -> new StreamNotFoundException(
                        "No viewer '" + viewerId + "' on livestream '" + streamId + "'."));
    }
}
