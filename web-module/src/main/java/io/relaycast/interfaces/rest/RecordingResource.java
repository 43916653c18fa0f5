package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.RecordingService;
import io.relaycast.application.recording.RecordingService.ChunkReceipt;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.interfaces.rest.dto.ChunkReceiptView;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.problem.Problems;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The recording: uploaded in numbered chunks (by segment) while live, downloaded (with Range) after the end. */
@Path("/livestream/{streamId}/recording")
@RequestScoped
@Tag(name = "Recordings", description = "Recording upload while live, playback afterwards")
public class RecordingResource {

    private static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    RecordingService recordings;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/segments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the next segment of the recording (owner only, while live)",
            description = "A recording is one or more segments, one per MediaRecorder session of the broadcaster's "
                    + "page: a page that is reloaded mid-stream opens a new segment and goes on recording. Segments are "
                    + "joined one after the other when the stream ends. The first segment is 0.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = SegmentView.class)))
    @APIResponse(responseCode = "403", description = "Not the owner", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not live, or recording off", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Response openSegment(@PathParam("streamId") String streamId) {
        int segment = recordings.openSegment(StreamId.of(streamId), Caller.requireAuthenticated(security));
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(new SegmentView(segment)).build();
    }

    @Schema(name = "RecordingSegment")
    public record SegmentView(@Schema(description = "Upload this segment's chunks to …/segments/{segment}/chunks/{seq}",
            example = "1") int segment) {
    }

    @PUT
    @Path("/segments/{segment}/chunks/{seq}")
    @Consumes({"video/webm", "video/mp4", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload chunk number seq (0, 1, 2, …) of a recording segment while live (owner only)",
            description = "Idempotent: repeating a stored chunk changes nothing (200 instead of 201). Chunk 0 of each "
                    + "segment must start like WebM or MP4. The chunks are joined in order and made seekable when the "
                    + "stream ends.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = ChunkReceiptView.class)))
    @APIResponse(responseCode = "200", description = "Already stored (retry)", content = @Content(schema = @Schema(implementation = ChunkReceiptView.class)))
    @APIResponse(responseCode = "400", description = "Segment or chunk number not a whole number in range", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not live, or recording off", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "413", description = "Chunk or recording too large", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "415", description = "Not WebM/MP4", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Response putSegmentChunk(@PathParam("streamId") String streamId, @PathParam("segment") String segment,
            @PathParam("seq") String seq, InputStream body) {
        String caller = Caller.requireAuthenticated(security);
        Integer s = wholeNumber(segment, 3);
        Integer n = wholeNumber(seq, 6);
        if (s == null || n == null) {
            return Problems.response(400, "Segment numbers are 0–" + RecordingService.MAX_SEGMENT
                    + " and chunk numbers 0–" + RecordingService.MAX_CHUNK + ", in plain digits.", uriInfo);
        }
        ChunkReceipt receipt = recordings.appendChunk(StreamId.of(streamId), caller, s, n, body);
        return Response.status(receipt.duplicate() ? 200 : 201).type(MediaType.APPLICATION_JSON).entity(ChunkReceiptView.of(receipt)).build();
    }

    /** Plain ASCII digits only (Integer.valueOf would take "+1" and other scripts' digits), at most {@code digits}. */
    private static Integer wholeNumber(String text, int digits) {
        if (text == null || text.isEmpty() || text.length() > digits || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(text);
    }

    @GET
    @Produces({"video/webm", MediaType.WILDCARD})
    @Operation(summary = "The finished recording (supports HTTP Range for seeking)")
    @APIResponse(responseCode = "200", description = "Whole file")
    @APIResponse(responseCode = "206", description = "Requested range")
    @APIResponse(responseCode = "404", description = "No such stream, or no recording yet", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "416", description = "Range outside the file", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Response download(@PathParam("streamId") String streamId, @HeaderParam("Range") String range)
            throws IOException {
        MediaFile file = recordings.recording(StreamId.of(streamId)).orElseThrow(() ->
                new StreamNotFoundException("Livestream '" + streamId + "' has no recording (yet)."));
        return FileResponses.ranged(file, "video/webm", range, uriInfo);
    }
}
