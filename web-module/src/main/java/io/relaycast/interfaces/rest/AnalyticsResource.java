package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.analytics.AnalyticsService;
import io.relaycast.application.analytics.Timeline;
import io.relaycast.application.analytics.ViewerQuality;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.dto.StatsResponse;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A stream's figures: public totals, and for its owner, moderators and admins the timeline and quality. */
@Path("/livestream/{streamId}/stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Analytics")
public class AnalyticsResource {

    private static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    LivestreamService streams;

    @Inject
    AnalyticsService analytics;

    @Inject
    ViewerQuality quality;

    @Context
    SecurityContext security;

    public record BucketView(Instant at, int viewers, int joins, int leaves, int chatMessages, int likes,
                             int reactions) {
    }

    public record TimelineResponse(String streamId, int bucketSeconds, List<BucketView> buckets) {
    }

    public record QualityResponse(ViewerQuality.Summary summary, List<ViewerQuality.Report> viewers) {
    }

    @GET
    @Tag(ref = "Viewing")
    @Operation(summary = "Peak and current viewers, total viewers, likes, chat count, duration, average watch time")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StatsResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public StatsResponse stats(@PathParam("streamId") String streamId) {
        return StatsResponse.of(streams.stats(StreamId.of(streamId)));
    }

    @GET
    @Path("/timeline")
    @Operation(summary = "Activity over time (owner, moderators, admins)", description = "From the start of the "
            + "stream to its end (or now): per bucket the viewers watching at its end, joins, leaves, chat messages "
            + "and likes within it. Live and after the end.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = TimelineResponse.class)))
    @APIResponse(responseCode = "400", description = "bucketSeconds not 1–3600, or too many buckets",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, a moderator or an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public TimelineResponse timeline(@PathParam("streamId") String streamId,
                                     @QueryParam("bucketSeconds") String bucketSeconds) {
        int size = parseBucket(bucketSeconds);
        List<BucketView> buckets = analytics.timeline(StreamId.of(streamId), size, Caller.actor(security)).stream()
                .map(AnalyticsResource::view).toList();
        return new TimelineResponse(streamId, size, buckets);
    }

    @GET
    @Path("/quality")
    @Operation(summary = "Viewers' connection quality as their pages report it (owner, moderators, admins)",
            description = "The latest report of each connected viewer (round-trip time, packet loss, received "
                    + "bitrate, frame rate) and their averages.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = QualityResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, a moderator or an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public QualityResponse quality(@PathParam("streamId") String streamId) {
        analytics.readable(StreamId.of(streamId), Caller.actor(security));
        return new QualityResponse(quality.summary(StreamId.of(streamId)), quality.reports(StreamId.of(streamId)));
    }

    @GET
    @Path("/report")
    @Operation(summary = "Totals for the report page (owner, moderators, admins)",
            description = "Peak, unique viewers (signed-in users once each, anonymous sessions each), sessions, "
                    + "average watch time, likes and chat messages.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnalyticsService.Report.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, a moderator or an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public AnalyticsService.Report report(@PathParam("streamId") String streamId) {
        return analytics.report(StreamId.of(streamId), Caller.actor(security));
    }

    private static int parseBucket(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 10;
        }
        if (!raw.matches("[0-9]{1,4}")) {
            throw new BadRequestException("bucketSeconds must be a whole number from 1 to 3600.");
        }
        return Integer.parseInt(raw);
    }

    private static BucketView view(Timeline.Bucket b) {
        return new BucketView(b.at(), b.viewers(), b.joins(), b.leaves(), b.chatMessages(), b.likes(), b.reactions());
    }
}
