package io.relaycast.interfaces.rest;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A scheduled stream as a calendar entry (RFC 5545), for "Add to calendar" and invitations. */
@Path("/livestream/{streamId}/calendar.ics")
@RequestScoped
@Tag(ref = "Streams")
public class CalendarResource {

    static final String CALENDAR = "text/calendar";

    @Inject
    LivestreamService streams;

    @Inject
    Clock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "The stream as an iCalendar event (anyone who may watch it)",
            description = "VEVENT with a stable UID, the planned start (or the actual one once live), an hour long "
                    + "unless it ended, the title, description and watch link; SEQUENCE grows with every change and "
                    + "a cancelled stream's event says STATUS:CANCELLED.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = CALENDAR))
    @APIResponse(responseCode = "409", description = "Not planned: neither scheduled for a time nor started",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response calendar(@PathParam("streamId") String streamId) {
        Livestream s = streams.find(StreamId.of(streamId)).stream();
        Instant start = s.getStartedAt() != null ? s.getStartedAt() : s.getScheduledAt();
        if (start == null) {
            throw new StreamStateException("This stream has no planned start time to put in a calendar.", s.getStatus());
        }
        Instant end = s.getEndedAt() != null ? s.getEndedAt() : start.plus(Duration.ofHours(1));
        String watch = uriInfo.getBaseUri().resolve("/watch/" + s.getId().value()).toString();
        String ics = IcsEvent.calendar(s.getId().value() + "@relaycast", clock.instant(), start, end, s.getTitle(),
                s.getDescription(), watch, s.getUserId(), s.getCalendarSequence(), s.getStatus() == StreamStatus.CANCELLED);
        return Response.ok(ics, CALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"relaycast-" + s.getId().value() + ".ics\"")
                .build();
    }
}
