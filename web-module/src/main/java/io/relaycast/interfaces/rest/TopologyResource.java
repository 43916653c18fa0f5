package io.relaycast.interfaces.rest;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.delivery.relay.RelayTree;
import io.relaycast.application.signaling.SignalingService;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who relays to whom in a stream with relay delivery (its owner only). */
@Path("/livestream/{streamId}/topology")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Streams")
public class TopologyResource {

    private static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    LivestreamService streams;

    @Inject
    SignalingService signaling;

    @Context
    SecurityContext security;

    public record Node(@Schema(description = "peer id; the first node is the broadcaster") String peerId,
                       String parent, int depth, double score,
                       @Schema(description = "false: a leaf (opted out, or weak upload / lossy / busy CPU)") boolean canRelay,
                       String site, List<String> children) {
    }

    public record TopologyResponse(String streamId, String delivery, int relayFanout, int depth, List<Node> nodes) {
    }

    @GET
    @Operation(summary = "The relay tree (owner)", description = "Each node with its parent, depth, score and children, "
            + "the broadcaster first; empty unless the stream's delivery is relay and viewers are connected.")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TopologyResponse.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not the owner", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public TopologyResponse topology(@PathParam("streamId") String streamId) {
        String caller = Caller.requireAuthenticated(security);
        Livestream s = streams.find(StreamId.of(streamId)).stream();
        s.requireOwner(caller);
        List<Node> nodes = signaling.topology(StreamId.of(streamId)).stream().map(TopologyResource::node).toList();
        int depth = nodes.stream().mapToInt(Node::depth).max().orElse(0);
        return new TopologyResponse(streamId, s.getDelivery().wireName(), s.getRelayFanout(), depth, nodes);
    }

    private static Node node(RelayTree.NodeView n) {
        return new Node(n.id(), n.parent(), n.depth(), n.score(), n.canRelay(), n.site(), n.children());
    }
}
