package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.stream.CreatedStream;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.NewStream;
import io.relaycast.application.recording.ServerRecording;
import io.relaycast.application.stream.StreamEditing;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.domain.model.stream.StreamRevision;
import io.relaycast.domain.model.stream.Tags;
import io.relaycast.interfaces.rest.dto.UpdateStreamRequest;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.interfaces.rest.dto.CreateStreamRequest;
import io.relaycast.interfaces.rest.dto.CreateStreamResponse;
import io.relaycast.interfaces.rest.dto.EndStreamRequest;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.dto.StatsResponse;
import io.relaycast.interfaces.rest.dto.StreamDetailResponse;
import io.relaycast.interfaces.rest.dto.StreamListResponse;
import io.relaycast.interfaces.rest.dto.StreamView;
import io.relaycast.interfaces.rest.dto.SuccessResponse;
import io.relaycast.interfaces.security.Caller;
import io.relaycast.interfaces.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import io.relaycast.application.access.Actor;
import io.relaycast.application.access.StreamAccessService;
import io.relaycast.application.access.WatchPolicy;
import io.relaycast.interfaces.security.Watchers;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Streams and viewing. Thin: parse, check the caller, call one service, map the result. */
@Path("/livestream")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LivestreamResource {

    static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    LivestreamService streams;

    @Inject
    RequestValidator validator;

    @Inject
    WatchPolicy watchPolicy;

    @Inject
    StreamAccessService access;

    @Inject
    Watchers watchers;

    @Inject
    StreamEditing editing;

    @Inject
    ServerRecording serverRecording;

    @Context
    SecurityContext security;

    @POST
    @Path("/create")
    @Tag(ref = "Streams")
    @Operation(summary = "Create a livestream (broadcasters only)",
            description = "The stream starts in state 'scheduled'. The response is the only place besides the "
                    + "owner's detail view where the secret stream key appears.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateStreamRequest.class),
            examples = @ExampleObject(name = "all-hands", value = "{\"title\":\"Quarterly all-hands\","
                    + "\"description\":\"Results and Q&A\",\"recordingEnabled\":true}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CreateStreamResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not a broadcaster", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response create(CreateStreamRequest request) {
        String owner = Caller.requireRole(security, Roles.BROADCASTER);
        CreateStreamRequest body = validator.require(request, "A JSON body with at least a title is required.");
        CreatedStream created = streams.create(owner, new NewStream(body.title(), body.description(),
                Boolean.TRUE.equals(body.recordingEnabled()),
                body.scheduledAt() == null ? null : body.scheduledAt().toInstant(), body.delivery(),
                body.relayFanout(), body.visibility(), body.allowedUsers(), body.allowedGroups(), body.tags(),
                body.maxViewers()));
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/livestream/" + created.streamId())
                .entity(new CreateStreamResponse(created.streamId().value(), created.streamKey()))
                .build();
    }

    @GET
    @Path("/active")
    @Tag(ref = "Streams")
    @Operation(summary = "Live streams, most recently started first, with current viewer counts")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StreamListResponse.class)))
    @APIResponse(responseCode = "400", description = "limit/offset out of range", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public StreamListResponse active(
            @Parameter(description = "1–200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "≥ 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset,
            @Parameter(description = "Only streams with this tag", example = "all-hands") @QueryParam("tag") String tag) {
        return listing(visible(streams.live(tag(tag), PageRequest.parse(limit, offset, 50))));
    }

    @GET
    @Path("/upcoming")
    @Tag(ref = "Streams")
    @Operation(summary = "Scheduled streams with a planned time, soonest first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StreamListResponse.class)))
    @APIResponse(responseCode = "400", description = "limit/offset out of range", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public StreamListResponse upcoming(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                       @QueryParam("tag") String tag) {
        return listing(visible(streams.upcoming(tag(tag), PageRequest.parse(limit, offset, 50))));
    }

    @GET
    @Path("/recordings")
    @Tag(ref = "Streams")
    @Operation(summary = "Ended streams that have a recording, most recent first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StreamListResponse.class)))
    @APIResponse(responseCode = "400", description = "limit/offset out of range", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public StreamListResponse recordings(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                         @QueryParam("tag") String tag) {
        return listing(visible(streams.recordings(tag(tag), PageRequest.parse(limit, offset, 50))));
    }

    @GET
    @Path("/user/{userId}")
    @Tag(ref = "Streams")
    @Operation(summary = "A broadcaster's streams (any state), newest first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StreamListResponse.class)))
    @APIResponse(responseCode = "400", description = "limit/offset out of range", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public StreamListResponse byUser(@PathParam("userId") String userId,
                                     @Parameter(description = "1–200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
                                     @Parameter(description = "≥ 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset) {
        return listing(visible(streams.byOwner(userId, PageRequest.parse(limit, offset, 50))));
    }

    @GET
    @Path("/{streamId}")
    @Tag(ref = "Streams")
    @Operation(summary = "One stream", description = "Includes streamKey only when the caller owns the stream.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StreamDetailResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public StreamDetailResponse get(@PathParam("streamId") String streamId) {
        StreamSnapshot snapshot = streams.find(StreamId.of(streamId));
        Actor actor = Caller.actorOrNull(security);
        String caller = actor == null ? null : actor.userId();
        boolean manages = actor != null && actor.managerOf(snapshot.stream());
        String recordedBy = serverRecording.records(snapshot.stream()) ? "server" : "browser";
        return new StreamDetailResponse(StreamView.of(snapshot, caller, recordedBy),
                manages ? AccessResource.AccessView.of(access.rules(snapshot.stream().getId())) : null);
    }

    @POST
    @Path("/{streamId}/start")
    @Tag(ref = "Streams")
    @Operation(summary = "Go live (owner only; only from 'scheduled')")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "Live",
            content = @Content(schema = @Schema(implementation = SuccessResponse.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not scheduled", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public SuccessResponse start(@PathParam("streamId") String streamId) {
        streams.start(StreamId.of(streamId), Caller.requireAuthenticated(security));
        return SuccessResponse.OK;
    }

    @POST
    @Path("/{streamId}/end")
    @Tag(ref = "Streams")
    @Operation(summary = "End the broadcast (owner only; only from 'live')",
            description = "Closes every open viewing session. The body is optional.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @RequestBody(content = @Content(schema = @Schema(implementation = EndStreamRequest.class),
            examples = @ExampleObject(name = "with recording", value = "{\"recordingUrl\":\"/recordings/x.webm\"}")))
    @APIResponse(responseCode = "200", description = "Ended",
            content = @Content(schema = @Schema(implementation = SuccessResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid recordingUrl", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not live", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @Consumes(MediaType.WILDCARD)
    public SuccessResponse end(@PathParam("streamId") String streamId, String rawBody) {
        String caller = Caller.requireAuthenticated(security);
        // The body is optional, so a plain "POST …/end" without a content type must work too.
        EndStreamRequest body = validator.valid(rawBody == null || rawBody.isBlank() ? null
                : JsonBodies.parse(rawBody, EndStreamRequest.class));
        streams.end(StreamId.of(streamId), caller, body == null ? null : body.recordingUrl());
        return SuccessResponse.OK;
    }

    @PATCH
    @Path("/{streamId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Tag(ref = "Streams")
    @Operation(summary = "Change a stream (owner or admin)", description = "Absent fields stay as they are. The start "
            + "time and recording change only while scheduled, the viewer limit until the end; nothing once cancelled "
            + "(409). Webhook stream.updated; the calendar entry's SEQUENCE grows.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateStreamRequest.class),
            examples = @ExampleObject(name = "reschedule", value = "{\"scheduledAt\":\"2026-12-08T15:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The stream as it is now",
            content = @Content(schema = @Schema(implementation = StreamDetailResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid or empty body", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not in this state", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public StreamDetailResponse update(@PathParam("streamId") String streamId, UpdateStreamRequest request) {
        UpdateStreamRequest body = validator.require(request, "A JSON body with the fields to change is required.");
        editing.revise(StreamId.of(streamId), Caller.actor(security), new StreamRevision(body.title(),
                body.description(), body.scheduledAt() == null ? null : body.scheduledAt().toInstant(), body.tags(),
                body.recordingEnabled(), body.maxViewers()));
        return get(streamId);
    }

    @DELETE
    @Path("/{streamId}")
    @Tag(ref = "Streams")
    @Operation(summary = "Cancel a scheduled stream (owner or admin)", description = "Status 'cancelled': gone from "
            + "listings, its calendar entry cancelled, webhook stream.cancelled. A live or ended stream is 409.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "204", description = "Cancelled (also when it was already)")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Live or ended", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response cancel(@PathParam("streamId") String streamId) {
        editing.cancel(StreamId.of(streamId), Caller.actor(security));
        return Response.noContent().build();
    }

    /** A listing's tag filter as stored (lower-case), or null for none; a tag that could not exist is a 400. */
    private static String tag(String tag) {
        return tag == null || tag.isBlank() ? null : Tags.tag(tag);
    }

    /** Listings leave out what the caller may not watch (a restricted all-hands is not advertised). */
    private List<StreamSnapshot> visible(List<StreamSnapshot> page) {
        return watchPolicy.visible(page, StreamSnapshot::stream, watchers.of(security, null));
    }

    /** Lists never carry stream keys, not even the caller's own. */
    private static StreamListResponse listing(List<StreamSnapshot> snapshots) {
        return new StreamListResponse(snapshots.stream().map(StreamView::withoutKey).toList());
    }
}
