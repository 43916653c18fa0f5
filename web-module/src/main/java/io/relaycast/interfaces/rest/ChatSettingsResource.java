package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.moderation.ModerationService;
import io.relaycast.domain.model.chat.ChatSettings;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.dto.StrictBoolean;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A stream's chat: on/off, signed-in users only, slow mode. */
@Path("/livestream/{streamId}/chat-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Moderation")
public class ChatSettingsResource {

    private static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    ModerationService moderation;

    @Context
    SecurityContext security;

    public record SettingsView(@Schema(description = "0 (off) – 3600", example = "10") int slowModeSeconds,
                               @Schema(description = "false: anonymous viewers may chat as a guest name") boolean signedInOnly,
                               boolean enabled) {
        static SettingsView of(ChatSettings s) {
            return new SettingsView(s.getSlowModeSeconds(), s.isSignedInOnly(), s.isEnabled());
        }
    }

    /** Fields left out keep their value. */
    public record SettingsRequest(Integer slowModeSeconds,
                                  @JsonbTypeDeserializer(StrictBoolean.class) Boolean signedInOnly,
                                  @JsonbTypeDeserializer(StrictBoolean.class) Boolean enabled) {
    }

    @GET
    @Operation(summary = "The stream's chat settings (anyone: the pages show them)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public SettingsView get(@PathParam("streamId") String streamId) {
        return SettingsView.of(moderation.chatSettings(StreamId.of(streamId)));
    }

    @PUT
    @Operation(summary = "Change the stream's chat settings (owner, moderators, admins)",
            description = "With slow mode on, a user's second message inside the window is refused with 429 and "
                    + "Retry-After; the owner and moderators are exempt and may chat while chat is off.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SettingsRequest.class),
            examples = @ExampleObject(name = "slow", value = "{\"slowModeSeconds\":10,\"signedInOnly\":true,\"enabled\":true}")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "400", description = "slowModeSeconds out of range", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, a moderator or an admin", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public SettingsView put(@PathParam("streamId") String streamId, SettingsRequest body) {
        var actor = Caller.actor(security);
        if (body == null) {
            throw new BadRequestException("A JSON body with slowModeSeconds, signedInOnly and/or enabled is required.");
        }
        ChatSettings now = moderation.chatSettings(StreamId.of(streamId));
        ChatSettings changed = moderation.changeChatSettings(StreamId.of(streamId),
                body.enabled() != null ? body.enabled() : now.isEnabled(),
                body.signedInOnly() != null ? body.signedInOnly() : now.isSignedInOnly(),
                body.slowModeSeconds() != null ? body.slowModeSeconds() : now.getSlowModeSeconds(), actor);
        return SettingsView.of(changed);
    }
}
