package io.relaycast.application.viewer;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.limits.JoinLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A viewer joining through the REST API ({@code POST …/join}): within the join limits, and only
 * kept if a signaling socket adopts the session in time.
 */
@ApplicationScoped
public class ApiViewerJoins {

    @Inject
    JoinLimits limits;

    @Inject
    ViewerService viewers;

    @Inject
    UnconfirmedViewers unconfirmed;

    public ViewerAdmission join(StreamId streamId, String userIdOrNull, String clientAddress) {
        limits.admit(clientAddress, streamId);
        ViewerAdmission admission = viewers.join(streamId, userIdOrNull);
        unconfirmed.awaitConfirmation(streamId, admission.viewerId());
        return admission;
    }
}
