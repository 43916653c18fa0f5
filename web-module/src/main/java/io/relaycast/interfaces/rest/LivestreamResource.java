package io.relaycast.interfaces.rest;

import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.viewer.ApiViewerJoins;
import io.relaycast.application.stream.CreatedStream;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.NewStream;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.application.viewer.ViewerAdmission;
import io.relaycast.application.viewer.ViewerService;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.interfaces.rest.dto.CreateStreamRequest;
import io.relaycast.interfaces.rest.dto.CreateStreamResponse;
import io.relaycast.interfaces.rest.dto.EndStreamRequest;
import io.relaycast.interfaces.rest.dto.JoinResponse;
import io.relaycast.interfaces.rest.dto.LeaveRequest;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.dto.StatsResponse;
import io.relaycast.interfaces.rest.dto.StreamDetailResponse;
import io.relaycast.interfaces.rest.dto.StreamListResponse;
import io.relaycast.interfaces.rest.dto.StreamView;
import io.relaycast.interfaces.rest.dto.SuccessResponse;
import io.relaycast.interfaces.security.Caller;
import io.relaycast.interfaces.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import io.relaycast.interfaces.http.ClientAddresses;
import io.relaycast.application.access.StreamAccessService;
import io.relaycast.application.access.WatchPolicy;
import io.relaycast.interfaces.security.Watchers;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
    ViewerService viewers;

    @Inject
    ApiViewerJoins joins;

    @Inject
    ClientAddresses addresses;

    @Inject
    RequestValidator validator;

    @Inject
    WatchPolicy watchPolicy;

    @Inject
    StreamAccessService access;

    @Inject
    Watchers watchers;

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
                body.relayFanout(), body.visibility(), body.allowedUsers(), body.allowedGroups()));
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
            @Parameter(description = "≥ 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset) {
        return listing(visible(streams.live(PageRequest.parse(limit, offset, 50))));
    }

    @GET
    @Path("/upcoming")
    @Tag(ref = "Streams")
    @Operation(summary = "Scheduled streams with a planned time, soonest first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StreamListResponse.class)))
    @APIResponse(responseCode = "400", description = "limit/offset out of range", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public StreamListResponse upcoming(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return listing(visible(streams.upcoming(PageRequest.parse(limit, offset, 50))));
    }

    @GET
    @Path("/recordings")
    @Tag(ref = "Streams")
    @Operation(summary = "Ended streams that have a recording, most recent first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StreamListResponse.class)))
    @APIResponse(responseCode = "400", description = "limit/offset out of range", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public StreamListResponse recordings(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return listing(visible(streams.recordings(PageRequest.parse(limit, offset, 50))));
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
        String caller = Caller.id(security).orElse(null);
        boolean manages = snapshot.stream().isOwnedBy(caller) || (caller != null && CallerRoles.has(security::isUserInRole, Roles.ADMIN));
        return new StreamDetailResponse(StreamView.of(snapshot, caller),
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

    @POST
    @Path("/{streamId}/join")
    @Tag(ref = "Viewing")
    @Operation(summary = "Join a live stream as a viewer (anonymous allowed)",
            description = "Opens a viewing session and returns the ICE servers for RTCPeerConnection: the "
                    + "configured STUN URLs and, when a TURN server is configured, TURN URLs with "
                    + "time-limited credentials.")
    @APIResponse(responseCode = "200", description = "Joined",
            content = @Content(schema = @Schema(implementation = JoinResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not live", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "429", description = "Too many joins from this address or into this stream; see Retry-After",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public JoinResponse join(@PathParam("streamId") String streamId, @Context HttpServletRequest request) {
        ViewerAdmission admission = joins.join(StreamId.of(streamId), Caller.id(security).orElse(null), addresses.of(request));
        return JoinResponse.of(admission.viewerId(), admission.iceServers());
    }

    @POST
    @Path("/{streamId}/leave")
    @Tag(ref = "Viewing")
    @Operation(summary = "Leave: closes the viewing session (idempotent)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LeaveRequest.class)))
    @APIResponse(responseCode = "200", description = "Left",
            content = @Content(schema = @Schema(implementation = SuccessResponse.class)))
    @APIResponse(responseCode = "400", description = "viewerId missing", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream or viewer", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public SuccessResponse leave(@PathParam("streamId") String streamId,
                                 LeaveRequest request) {
        LeaveRequest body = validator.require(request, "A JSON body with viewerId is required.");
        viewers.leave(StreamId.of(streamId), body.viewerId());
        return SuccessResponse.OK;
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
