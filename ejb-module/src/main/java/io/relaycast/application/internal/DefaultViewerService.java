package io.relaycast.application.internal;

import io.relaycast.application.IceServerProvider;
import io.relaycast.application.ViewerAdmission;
import io.relaycast.application.ViewerService;
import io.relaycast.domain.model.Livestream;
import io.relaycast.domain.model.LivestreamRepository;
import io.relaycast.domain.model.LivestreamViewer;
import io.relaycast.domain.model.StreamNotFoundException;
import io.relaycast.domain.model.ViewerRepository;
import jakarta.ejb.Stateless;
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

    @Override
    public ViewerAdmission join(String streamId, String userIdOrNull) {
        // The row lock serialises joins per stream, so the peak is the true maximum of open sessions.
        Livestream stream = streams.findForUpdate(streamId)
                .orElseThrow(() -> StreamNotFoundException.stream(streamId));
        LivestreamViewer viewer = LivestreamViewer.join(stream, userIdOrNull, clock.instant());
        viewers.add(viewer);
        stream.observeConcurrentViewers(viewers.countOpen(streamId));
        return new ViewerAdmission(viewer.getId(), iceServers.iceServersFor(viewer.getId()));
    }

    @Override
    public void leave(String streamId, String viewerId) {
        streams.find(streamId).orElseThrow(() -> StreamNotFoundException.stream(streamId));
        LivestreamViewer viewer = viewers.find(viewerId)
                .filter(v -> v.belongsTo(streamId))
                .orElseThrow(() -> new StreamNotFoundException(
                        "No viewer '" + viewerId + "' on livestream '" + streamId + "'."));
        viewer.leave(clock.instant());
    }
}
