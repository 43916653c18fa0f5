package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.pin.PinService;
import io.relaycast.domain.model.pin.PinnedItem;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.dto.TextOrNumber;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Links and products pinned to a stream's watch page; only its owner pins and unpins. */
@Path("/livestream/{streamId}/pins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Pins")
@APIResponse(responseCode = "404", description = "Unknown stream (or pin)", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class PinResource {

    private static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    PinService pins;

    @Context
    SecurityContext security;

    public record PinRequest(@Schema(example = "Relaycast Enterprise") String title,
                             @Schema(description = "absolute http(s) URL", example = "https://example.com/buy") String url,
                             String description,
                             @Schema(description = "absolute http(s) URL") String imageUrl,
                             @Schema(description = "text or a number", example = "€49 / month")
                             @JsonbTypeDeserializer(TextOrNumber.class) String price) {
    }

    public record PinView(String pinId, String title, String url, String description, String imageUrl, String price,
                          Instant createdAt) {
        static PinView of(PinnedItem p) {
            return new PinView(p.getId(), p.getTitle(), p.getUrl(), p.getDescription(), p.getImageUrl(), p.getPrice(),
                    p.getCreatedAt());
        }
    }

    public record PinCreated(String pinId) {
    }

    public record PinListResponse(List<PinView> pins) {
    }

    @POST
    @Operation(summary = "Pin a link or product (owner)", description = "Shown live on the watch page (pin:added); "
            + "rendered as text, the link opens in a new tab without referrer. At most 20 per stream.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PinRequest.class),
            examples = @ExampleObject(name = "product", value = "{\"title\":\"Relaycast Enterprise\","
                    + "\"url\":\"https://example.com/buy\",\"price\":\"€49 / month\"}")))
    @APIResponse(responseCode = "201", description = "Pinned", content = @Content(schema = @Schema(implementation = PinCreated.class)))
    @APIResponse(responseCode = "400", description = "Missing title/url, not an http(s) URL, too long, too many pins",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response pin(@PathParam("streamId") String streamId, PinRequest body) {
        String user = Caller.requireAuthenticated(security);
        if (body == null) {
            throw new BadRequestException("A JSON body with title and url is required.");
        }
        PinnedItem p = pins.pin(StreamId.of(streamId), body.title(), body.url(), body.description(), body.imageUrl(), body.price(), user);
        return Response.status(Response.Status.CREATED).entity(new PinCreated(p.getId())).build();
    }

    @GET
    @Operation(summary = "The stream's pins, oldest first (anyone)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = PinListResponse.class)))
    public PinListResponse list(@PathParam("streamId") String streamId) {
        return new PinListResponse(pins.pins(StreamId.of(streamId)).stream().map(PinView::of).toList());
    }

    @DELETE
    @Path("/{pinId}")
    @Operation(summary = "Remove a pin (owner)")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response unpin(@PathParam("streamId") String streamId, @PathParam("pinId") String pinId) {
        pins.unpin(StreamId.of(streamId), pinId, Caller.requireAuthenticated(security));
        return Response.noContent().build();
    }
}
