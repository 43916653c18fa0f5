package io.relaycast.interfaces.rest;

import io.relaycast.application.access.StreamAccessService;
import io.relaycast.domain.model.access.Invite;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A stream's invite links: made, listed and revoked by its owner (or an admin). */
@Path("/livestream/{streamId}/invites")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Access")
@SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No credentials", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "403", description = "Not the owner or an admin", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "404", description = "Unknown stream (or invite)", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class InviteResource {

    @Inject
    StreamAccessService access;

    @Inject
    RequestValidator validator;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record InviteRequest(@Schema(description = "When the link stops working (default: never)")
                                OffsetDateTime expiresAt,
                                @Schema(description = "How many different people may use it (default: any)")
                                @Min(value = 1, message = "maxUses must be at least 1")
                                @Max(value = 100_000, message = "maxUses must be at most 100000") Integer maxUses,
                                @Schema(description = "For the owner's list, e.g. who it was sent to")
                                @Size(max = 200, message = "label must be at most 200 characters") String label) {
    }

    public record InviteCreated(String id, @Schema(description = "The watch page with the token: shown only now")
                                String url, Instant expiresAt) {
    }

    public record InviteView(String id, String label, Instant expiresAt, Integer maxUses, int uses, boolean revoked,
                             Instant createdAt) {
        static InviteView of(Invite i) {
            return new InviteView(i.id(), i.label(), i.expiresAt(), i.maxUses(), i.uses(), i.revoked(), i.createdAt());
        }
    }

    public record InviteListResponse(List<InviteView> invites) {
    }

    @POST
    @Operation(summary = "Make an invite link (owner, admin)", description = "The link admits whoever holds it to a "
            + "restricted or signed-in stream, until it expires, is revoked, or maxUses different people used it.")
    @APIResponse(responseCode = "201", description = "Made; the url is shown only now",
            content = @Content(schema = @Schema(implementation = InviteCreated.class)))
    public Response invite(@PathParam("streamId") String streamId, InviteRequest request) {
        InviteRequest body = request == null ? new InviteRequest(null, null, null) : validator.require(request, "");
        StreamAccessService.NewInvite made = access.invite(StreamId.of(streamId), Caller.actor(security), body.label(),
                body.expiresAt() == null ? null : body.expiresAt().toInstant(), body.maxUses());
        String url = uriInfo.getBaseUri().resolve("/watch/" + streamId + "?invite=" + made.token()).toString();
        return Response.status(Response.Status.CREATED)
                .entity(new InviteCreated(made.invite().id(), url, made.invite().expiresAt())).build();
    }

    @GET
    @Operation(summary = "The stream's invite links, without their tokens (owner, admin)")
    public InviteListResponse invites(@PathParam("streamId") String streamId) {
        return new InviteListResponse(access.invites(StreamId.of(streamId), Caller.actor(security)).stream()
                .map(InviteView::of).toList());
    }

    @DELETE
    @Path("/{inviteId}")
    @Operation(summary = "Revoke an invite link (owner, admin)")
    @APIResponse(responseCode = "204", description = "Revoked: the link admits nobody any more")
    public Response revoke(@PathParam("streamId") String streamId, @PathParam("inviteId") String inviteId) {
        access.revoke(StreamId.of(streamId), inviteId, Caller.actor(security));
        return Response.noContent().build();
    }
}
