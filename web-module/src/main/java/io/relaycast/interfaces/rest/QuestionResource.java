package io.relaycast.interfaces.rest;

import io.relaycast.application.question.QuestionService;
import io.relaycast.application.question.QuestionView;
import io.relaycast.domain.model.question.QaSettings;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Q&A of a stream (who may watch it sees it; signed-in viewers ask and upvote; staff moderate). */
@Path("/livestream/{streamId}/questions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Questions")
@APIResponse(responseCode = "404", description = "Unknown stream or question", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class QuestionResource {

    @Inject
    QuestionService questions;

    @Inject
    RequestValidator validator;

    @Context
    SecurityContext security;

    public record AskRequest(@NotNull(message = "text is required") String text, Boolean anonymous) {
    }

    public record StateRequest(@NotNull(message = "state is required")
                               @Schema(enumeration = {"approved", "dismissed", "answering", "answered"}) String state) {
    }

    public record SettingsView(boolean moderated, boolean anonymousAllowed) {
        static SettingsView of(QaSettings s) {
            return new SettingsView(s.moderated(), s.anonymousAllowed());
        }
    }

    public record QuestionList(List<QuestionView> questions) {
    }

    @POST
    @Operation(summary = "Ask (signed-in viewers)", description = "At most 500 characters; \"anonymous\": true hides "
            + "the author from other viewers where the owner allows it (never from moderators). In a moderated Q&A it "
            + "waits for approval (state pending).")
    @APIResponse(responseCode = "201", description = "Asked", content = @Content(schema = @Schema(implementation = QuestionView.class)))
    public Response ask(@PathParam("streamId") String streamId, AskRequest request) {
        String asker = Caller.requireAuthenticated(security);
        AskRequest body = validator.require(request, "A JSON body with text is required.");
        return Response.status(201).entity(questions.ask(StreamId.of(streamId), asker, body.text(),
                Boolean.TRUE.equals(body.anonymous()))).build();
    }

    @GET
    @Operation(summary = "The questions the caller may see", description = "sort=top (most upvotes first, the "
            + "default) or new; state= one state only. Viewers see approved, answering and answered ones and their own.")
    public QuestionList list(@PathParam("streamId") String streamId, @QueryParam("sort") String sort,
                             @QueryParam("state") String state) {
        return new QuestionList(questions.list(StreamId.of(streamId), Caller.actorOrNull(security), sort, state));
    }

    @POST
    @Path("/{questionId}/vote")
    @Operation(summary = "Upvote (signed-in viewers); again takes the upvote back")
    public QuestionView vote(@PathParam("streamId") String streamId, @PathParam("questionId") String questionId) {
        return questions.vote(StreamId.of(streamId), questionId, Caller.requireAuthenticated(security));
    }

    @PUT
    @Path("/{questionId}")
    @Operation(summary = "Approve, dismiss, mark answering or answered (owner, moderators, admins)",
            description = "One question is being answered at a time: the one before becomes answered.")
    public QuestionView moderate(@PathParam("streamId") String streamId, @PathParam("questionId") String questionId,
                                 StateRequest request) {
        StateRequest body = validator.require(request, "A JSON body with state is required.");
        return questions.moderate(StreamId.of(streamId), questionId, Caller.actor(security), body.state());
    }

    @GET
    @Path("/settings")
    @Operation(summary = "Whether questions wait for approval and may be anonymous")
    public SettingsView settings(@PathParam("streamId") String streamId) {
        return SettingsView.of(questions.settings(StreamId.of(streamId)));
    }

    @PUT
    @Path("/settings")
    @Operation(summary = "Change the Q&A settings (owner, admin)")
    public SettingsView changeSettings(@PathParam("streamId") String streamId, SettingsView body) {
        SettingsView s = validator.require(body, "A JSON body with moderated and anonymousAllowed is required.");
        return SettingsView.of(questions.changeSettings(StreamId.of(streamId), Caller.actor(security), s.moderated(),
                s.anonymousAllowed()));
    }
}
