package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.moderation.ModerationService;
import io.relaycast.domain.model.moderation.ChatBan;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bans of a stream's chat and likes: its owner, moderators and admins. */
@Path("/livestream/{streamId}/bans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Moderation")
@SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
        schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "403", description = "Not the owner, a moderator or an admin",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "404", description = "Unknown stream (or user not banned)",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class ModerationResource {

    @Inject
    ModerationService moderation;

    @Context
    SecurityContext security;

    public record BanRequest(@Schema(example = "carol") String userId,
                             @Schema(example = "spam") String reason,
                             @Schema(description = "1–525600; absent: until lifted", example = "60") Integer minutes) {
    }

    public record BanView(String userId, String reason, String createdBy, Instant createdAt,
                          @Schema(description = "null: until lifted") Instant expiresAt) {
        static BanView of(ChatBan b) {
            return new BanView(b.getUserId(), b.getReason(), b.getCreatedBy(), b.getCreatedAt(), b.getExpiresAt());
        }
    }

    public record BanListResponse(List<BanView> bans) {
    }

    @POST
    @Operation(summary = "Ban a user from the stream's chat and likes",
            description = "Their chat and likes are refused (403 here, error forbidden on the WebSocket). Survives restarts.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BanRequest.class),
            examples = @ExampleObject(name = "an hour", value = "{\"userId\":\"carol\",\"reason\":\"spam\",\"minutes\":60}")))
    @APIResponse(responseCode = "201", description = "Banned",
            content = @Content(schema = @Schema(implementation = BanView.class)))
    @APIResponse(responseCode = "400", description = "No userId, reason too long, minutes out of range",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Already banned",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response ban(@PathParam("streamId") String streamId, BanRequest body) {
        var actor = Caller.actor(security);
        if (body == null) {
            throw new BadRequestException("A JSON body with userId is required.");
        }
        ChatBan ban = moderation.ban(StreamId.of(streamId), body.userId(), body.reason(), body.minutes(), actor);
        return Response.status(Response.Status.CREATED).entity(BanView.of(ban)).build();
    }

    @GET
    @Operation(summary = "Active bans of the stream")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = BanListResponse.class)))
    public BanListResponse bans(@PathParam("streamId") String streamId) {
        return new BanListResponse(moderation.bans(StreamId.of(streamId), Caller.actor(security)).stream().map(BanView::of).toList());
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Lift a ban")
    @APIResponse(responseCode = "204", description = "Lifted")
    public Response unban(@PathParam("streamId") String streamId, @PathParam("userId") String userId) {
        moderation.unban(StreamId.of(streamId), userId, Caller.actor(security));
        return Response.noContent().build();
    }
}
