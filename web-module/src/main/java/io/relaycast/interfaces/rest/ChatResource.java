package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.chat.ChatAuthor;
import io.relaycast.application.chat.ChatService;
import io.relaycast.application.moderation.ModerationService;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.interfaces.rest.dto.ChatHistoryResponse;
import io.relaycast.interfaces.rest.dto.ChatMessageView;
import io.relaycast.interfaces.rest.dto.ChatPostRequest;
import io.relaycast.interfaces.rest.dto.ChatPostResponse;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/livestream/{streamId}/chat")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Chat")
public class ChatResource {

    private static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    ChatService chat;

    @Inject
    ModerationService moderation;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Chat history, oldest first",
            description = "offset counts back from the newest message: offset=0&limit=100 is the latest 100.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ChatHistoryResponse.class)))
    @APIResponse(responseCode = "400", description = "limit/offset out of range", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public ChatHistoryResponse history(@PathParam("streamId") String streamId,
                                       @Parameter(description = "1–200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "100")) @QueryParam("limit") String limit,
                                       @Parameter(description = "≥ 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset) {
        return new ChatHistoryResponse(chat.history(StreamId.of(streamId), PageRequest.parse(limit, offset, 100)).stream()
                .map(ChatMessageView::of).toList());
    }

    @POST
    @Operation(summary = "Post a chat message (any signed-in user, live streams only)",
            description = "The message is trimmed and must be 1–500 characters. It is stored before anyone sees it.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChatPostRequest.class),
            examples = @ExampleObject(name = "hello", value = "{\"message\":\"Great demo!\"}")))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = ChatPostResponse.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not live", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response post(@PathParam("streamId") String streamId,
                         ChatPostRequest body) {
        String user = Caller.requireAuthenticated(security);
        if (body == null) {
            throw new BadRequestException("A JSON body with message is required.");
        }
        ChatMessage saved = chat.post(StreamId.of(streamId), ChatAuthor.signedIn(user, Caller.actor(security).moderator()),
                body.message());
        return Response.status(Response.Status.CREATED).entity(new ChatPostResponse(true, saved.getId())).build();
    }

    @DELETE
    @Path("/{messageId}")
    @Tag(ref = "Moderation")
    @Operation(summary = "Delete a chat message (the stream's owner, moderators, admins)",
            description = "Gone from history; every page in the room is told (chat:deleted) and removes it.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, a moderator or an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream or message", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response delete(@PathParam("streamId") String streamId, @PathParam("messageId") String messageId) {
        var actor = Caller.actor(security);
        if (!messageId.matches("[0-9]{1,18}")) {
            throw new NotFoundException("No chat message '" + messageId + "'.");
        }
        moderation.deleteMessage(StreamId.of(streamId), Long.parseLong(messageId), actor);
        return Response.noContent().build();
    }
}
