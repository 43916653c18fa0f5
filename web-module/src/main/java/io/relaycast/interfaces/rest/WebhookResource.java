package io.relaycast.interfaces.rest;

import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.application.access.Actor;
import io.relaycast.application.webhooks.WebhookService;
import io.relaycast.domain.model.webhook.Webhook;
import io.relaycast.domain.model.webhook.WebhookDelivery;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.dto.StrictBoolean;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import io.relaycast.interfaces.security.Caller;
import io.relaycast.interfaces.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
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

/** Webhooks of broadcasters (their own streams) and admins (also server-wide). See docs/webhooks.md. */
@Path("/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Webhooks")
@SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
        schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "403", description = "Not a broadcaster or admin", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class WebhookResource {

    private static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    WebhookService webhooks;

    @Context
    SecurityContext security;

    public record WebhookRequest(@Schema(example = "https://hooks.example.com/relaycast") String url,
                                 @Schema(example = "[\"stream.started\",\"stream.ended\"]",
                                         description = "stream.started, stream.ended, stream.updated, stream.cancelled, "
                                                 + "stream.starting-soon, recording.ready, recording.failed, viewer.peak, "
                                                 + "chat.message, poll.closed (docs/webhooks.md)")
                                 List<String> events,
                                 @Schema(description = "admins only: events of every stream")
                                 @JsonbTypeDeserializer(StrictBoolean.class) Boolean serverWide) {
    }

    public record WebhookCreated(String id, @Schema(description = "whsec_<base64 key>: shown once") String secret,
                                 String url, List<String> events, boolean serverWide) {
    }

    public record WebhookView(String id, String url, List<String> events, boolean serverWide, String ownerId,
                              Instant createdAt) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.getId(), w.getUrl(), w.getEvents(), w.isServerWide(), w.getOwnerId(), w.getCreatedAt());
        }
    }

    public record WebhookListResponse(List<WebhookView> webhooks) {
    }

    public record DeliveryView(@Schema(description = "the webhook-id header") String id, String eventType,
                               @Schema(description = "pending, delivered or failed (given up)") String status,
                               int attempts, Integer lastStatusCode, String lastError, Instant createdAt,
                               Instant lastAttemptAt, Instant nextAttemptAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.getMessageId(), d.getEventType(), d.getStatus(), d.getAttempts(),
                    d.getLastStatusCode(), d.getLastError(), d.getCreatedAt(), d.getLastAttemptAt(),
                    WebhookDelivery.PENDING.equals(d.getStatus()) ? d.getNextAttemptAt() : null);
        }
    }

    public record DeliveryListResponse(List<DeliveryView> deliveries) {
    }

    @POST
    @Operation(summary = "Register a webhook", description = "Deliveries are signed per Standard Webhooks "
            + "(webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256>), retried with exponential "
            + "backoff for 24 h, in order per endpoint. Targets on loopback, private or link-local addresses are "
            + "refused unless the operator set WEBHOOKS_ALLOW_PRIVATE=true.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "lifecycle", value = "{\"url\":\"https://hooks.example.com/relaycast\","
                    + "\"events\":[\"stream.started\",\"stream.ended\",\"recording.ready\"]}")))
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown only here",
            content = @Content(schema = @Schema(implementation = WebhookCreated.class)))
    @APIResponse(responseCode = "400", description = "Bad URL, unknown event, internal target, too many webhooks",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Response register(WebhookRequest body) {
        Actor actor = staff();
        if (body == null) {
            throw new BadRequestException("A JSON body with url and events is required.");
        }
        Webhook w = webhooks.register(body.url(), body.events(), Boolean.TRUE.equals(body.serverWide()), actor);
        return Response.status(Response.Status.CREATED)
                .entity(new WebhookCreated(w.getId(), w.getSecret(), w.getUrl(), w.getEvents(), w.isServerWide())).build();
    }

    @GET
    @Operation(summary = "The caller's webhooks (admins: and the server-wide ones); secrets are not shown")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = WebhookListResponse.class)))
    public WebhookListResponse list() {
        return new WebhookListResponse(webhooks.list(staff()).stream().map(WebhookView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a webhook and its pending deliveries")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response remove(@PathParam("id") String id) {
        webhooks.remove(id, staff());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Recent deliveries, newest first (up to 100): status, attempts, last response code")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DeliveryListResponse.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public DeliveryListResponse deliveries(@PathParam("id") String id) {
        return new DeliveryListResponse(webhooks.deliveries(id, staff(), 100).stream().map(DeliveryView::of).toList());
    }

    private Actor staff() {
        Actor actor = Caller.actor(security);
        if (!CallerRoles.has(security::isUserInRole, Roles.BROADCASTER) && !actor.admin()) {
            throw new ForbiddenException("Webhooks need the 'broadcaster' or 'admin' role.");
        }
        return actor;
    }
}
