package io.relaycast.interfaces.rest;

import io.relaycast.application.poll.PollService;
import io.relaycast.application.poll.PollView;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Polls of a stream (who may watch it sees them; staff run them; signed-in viewers vote once). */
@Path("/livestream/{streamId}/polls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Polls")
@APIResponse(responseCode = "404", description = "Unknown stream or poll", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class PollResource {

    @Inject
    PollService polls;

    @Inject
    RequestValidator validator;

    @Context
    SecurityContext security;

    public record PollRequest(
            @NotNull(message = "question is required") @Schema(required = true, example = "Where should the offsite be?")
            String question,
            @NotNull(message = "options are required") @Size(min = 2, max = 6, message = "options must list 2 to 6 answers")
            @Schema(required = true, example = "[\"Lisbon\", \"Berlin\", \"Online\"]") List<String> options) {
    }

    public record VoteRequest(@NotNull(message = "option (the answer's index, from 0) is required") Integer option) {
    }

    public record PollList(List<PollView> polls) {
    }

    @POST
    @Operation(summary = "Draft a poll (owner, moderators, admins)", description = "2–6 options of at most 80 "
            + "characters; at most 50 polls a stream. Open it to show it to the room.")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = PollView.class)))
    public Response create(@PathParam("streamId") String streamId, PollRequest request) {
        PollRequest body = validator.require(request, "A JSON body with question and options is required.");
        return Response.status(201).entity(polls.create(StreamId.of(streamId), Caller.actor(security), body.question(),
                body.options())).build();
    }

    @GET
    @Operation(summary = "The stream's polls with their results, oldest first (drafts for staff only)")
    public PollList list(@PathParam("streamId") String streamId) {
        return new PollList(polls.list(StreamId.of(streamId), Caller.actorOrNull(security)));
    }

    @GET
    @Path("/{pollId}")
    @Operation(summary = "One poll with the votes of each option")
    public PollView get(@PathParam("streamId") String streamId, @PathParam("pollId") String pollId) {
        return polls.get(StreamId.of(streamId), pollId, Caller.actorOrNull(security));
    }

    @POST
    @Path("/{pollId}/open")
    @Operation(summary = "Open a drafted poll: the room sees it (poll:update) and may vote (owner, moderators, admins)")
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(
            mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public PollView open(@PathParam("streamId") String streamId, @PathParam("pollId") String pollId) {
        return polls.open(StreamId.of(streamId), pollId, Caller.actor(security));
    }

    @POST
    @Path("/{pollId}/close")
    @Operation(summary = "Close an open poll: the results are final (poll:update, webhook poll.closed)")
    @APIResponse(responseCode = "409", description = "Not open", content = @Content(
            mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public PollView close(@PathParam("streamId") String streamId, @PathParam("pollId") String pollId) {
        return polls.close(StreamId.of(streamId), pollId, Caller.actor(security));
    }

    @POST
    @Path("/{pollId}/vote")
    @Operation(summary = "Vote (signed-in viewers; once per poll)", description = "{\"option\": index from 0}")
    @APIResponse(responseCode = "204", description = "Counted")
    @APIResponse(responseCode = "409", description = "Voted already, or the poll is not open", content = @Content(
            mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response vote(@PathParam("streamId") String streamId, @PathParam("pollId") String pollId, VoteRequest request) {
        String voter = Caller.requireAuthenticated(security);
        VoteRequest body = validator.require(request, "A JSON body with option is required.");
        polls.vote(StreamId.of(streamId), pollId, voter, body.option());
        return Response.noContent().build();
    }
}
