package io.relaycast.interfaces.rest;

import io.relaycast.application.analytics.AnalyticsService;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.viewer.Attendance;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who attended a stream, per signed-in person: as JSON, or as CSV for a spreadsheet ({@code attendance.csv}). */
@Path("/livestream/{streamId}/{format: attendance(\\.csv)?}")
@RequestScoped
@Tag(ref = "Analytics")
@SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
public class AttendanceResource {

    static final String CSV = "text/csv";

    @Inject
    AnalyticsService analytics;

    @Context
    SecurityContext security;

    public record AttendeeView(String userId, Instant firstJoin,
                               @Schema(description = "absent while still watching") Instant lastLeave,
                               long watchSeconds, int sessions) {
        static AttendeeView of(Attendance.Person p) {
            return new AttendeeView(p.userId(), p.firstJoin(), p.lastLeave(), p.watchSeconds(), p.sessions());
        }
    }

    public record AttendanceResponse(String streamId, List<AttendeeView> attendees) {
    }

    @GET
    @Operation(summary = "Who attended, per signed-in person (owner, admin); …/attendance.csv for a spreadsheet",
            description = "First join, last leave, time watched (overlapping sessions count once) and sessions. "
                    + "Anonymous viewers are counted in the report, not named here.")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceResponse.class)),
            @Content(mediaType = CSV)})
    @APIResponse(responseCode = "403", description = "Not the owner or an admin", content = @Content(
            mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response attendance(@PathParam("streamId") String streamId, @PathParam("format") String format) {
        List<Attendance.Person> people = analytics.attendance(StreamId.of(streamId), Caller.actor(security));
        if (format.endsWith(".csv")) {
            return Response.ok(csv(people), CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"attendance-" + StreamId.of(streamId) + ".csv\"")
                    .build();
        }
        return Response.ok(new AttendanceResponse(streamId, people.stream().map(AttendeeView::of).toList()),
                MediaType.APPLICATION_JSON).build();
    }

    static String csv(List<Attendance.Person> people) {
        StringBuilder b = new StringBuilder("userId,firstJoin,lastLeave,watchSeconds,sessions\r\n");
        for (Attendance.Person p : people) {
            b.append(cell(p.userId())).append(',').append(p.firstJoin()).append(',')
                    .append(p.lastLeave() == null ? "" : p.lastLeave()).append(',')
                    .append(p.watchSeconds()).append(',').append(p.sessions()).append("\r\n");
        }
        return b.toString();
    }

    /**
     * A text cell: quoted when needed, and never read as a formula by a spreadsheet (a user id
     * starting with = + - @ gets a leading apostrophe: CSV injection).
     */
    static String cell(String text) {
        String t = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")
                ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
