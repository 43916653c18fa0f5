package io.relaycast.interfaces.rest;

import io.relaycast.application.access.StreamAccessService;
import io.relaycast.domain.model.access.StreamAccess;
import io.relaycast.domain.model.access.Visibility;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who may watch a stream: the owner's (and admins') business only. */
@Path("/livestream/{streamId}/access")
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
public class AccessResource {

    @Inject
    StreamAccessService access;

    @Inject
    RequestValidator validator;

    @Context
    SecurityContext security;

    public record AccessView(@Schema(enumeration = {"public", "signed-in", "restricted"}) String visibility,
                             List<String> allowedUsers, List<String> allowedGroups) {
        public static AccessView of(StreamAccess a) {
            return new AccessView(a.visibility().wireName(), List.copyOf(new TreeSet<>(a.allowedUsers())),
                    List.copyOf(new TreeSet<>(a.allowedGroups())));
        }
    }

    public record AccessRequest(
            @NotNull(message = "visibility is required")
            @jakarta.validation.constraints.Pattern(regexp = "public|signed-in|restricted",
                    message = "visibility must be 'public', 'signed-in' or 'restricted'")
            @Schema(required = true, enumeration = {"public", "signed-in", "restricted"}) String visibility,
            @Size(max = 200, message = "allowedUsers lists at most 200 users") List<String> allowedUsers,
            @Size(max = 200, message = "allowedGroups lists at most 200 groups") List<String> allowedGroups) {
    }

    @GET
    @Operation(summary = "Who may watch the stream (owner, admin)")
    public AccessView get(@PathParam("streamId") String streamId) {
        access.requireManager(StreamId.of(streamId), Caller.actor(security));
        return AccessView.of(access.rules(StreamId.of(streamId)));
    }

    @PUT
    @Operation(summary = "Change who may watch the stream (owner, admin)", description = "'signed-in': any signed-in "
            + "user; 'restricted': the owner, admins, allowedUsers, members of allowedGroups and invite holders. "
            + "Viewers in the room are sent to connect again (close code 4409) and checked anew.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = AccessView.class)))
    public AccessView change(@PathParam("streamId") String streamId, AccessRequest request) {
        AccessRequest body = validator.require(request, "A JSON body with a visibility is required.");
        return AccessView.of(access.change(StreamId.of(streamId), Caller.actor(security),
                Visibility.fromWire(body.visibility()), body.allowedUsers(), body.allowedGroups()));
    }

}
