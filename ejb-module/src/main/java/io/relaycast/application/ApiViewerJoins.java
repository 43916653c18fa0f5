package io.relaycast.application;

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

    public ViewerAdmission join(String streamId, String userIdOrNull, String clientAddress) {
        limits.admit(clientAddress, streamId);
        ViewerAdmission admission = viewers.join(streamId, userIdOrNull);
        unconfirmed.awaitConfirmation(streamId, admission.viewerId());
        return admission;
    }
}
