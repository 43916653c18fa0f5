package io.relaycast.interfaces.rest;

import io.relaycast.application.access.Actor;
import io.relaycast.application.access.StaffRoles;
import io.relaycast.application.viewer.ApiViewerJoins;
import io.relaycast.application.viewer.ViewerAdmission;
import io.relaycast.interfaces.http.ClientAddresses;
import io.relaycast.interfaces.rest.dto.JoinResponse;
import io.relaycast.interfaces.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A viewer joins over REST (a class of its own beside {@link LivestreamResource}: its literal path
 * never shadows {@code /livestream/{streamId}}).
 */
@Path("/livestream/{streamId}/join")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class JoinResource {

    static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    ApiViewerJoins joins;

    @Inject
    ClientAddresses addresses;

    @Inject
    StaffRoles roles;

    @Context
    SecurityContext security;

    @POST
    @Tag(ref = "Viewing")
    @Operation(summary = "Join a live stream as a viewer (anonymous allowed)",
            description = "Opens a viewing session and returns the ICE servers for RTCPeerConnection: the "
                    + "configured STUN URLs and, when a TURN server is configured, TURN URLs with "
                    + "time-limited credentials.")
    @APIResponse(responseCode = "200", description = "Joined",
            content = @Content(schema = @Schema(implementation = JoinResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not live, or full (code 'full': maxViewers reached)", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "429", description = "Too many joins from this address or into this stream; see Retry-After",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public JoinResponse join(@PathParam("streamId") String streamId, @Context HttpServletRequest request) {
        Actor actor = Caller.actorOrNull(security);
        if (actor != null) {
            roles.observe(actor.userId(), actor.moderatorRole(), actor.admin()); // staff pass a full stream
        }
        ViewerAdmission admission = joins.join(StreamId.of(streamId), Caller.id(security).orElse(null), addresses.of(request));
        return JoinResponse.of(admission.viewerId(), admission.iceServers());
    }
}
