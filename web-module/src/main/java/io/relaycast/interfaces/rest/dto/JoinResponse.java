package io.relaycast.interfaces.rest.dto;

import io.relaycast.application.ice.IceServer;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JoinResponse")
public record JoinResponse(
        @Schema(example = "true") boolean success,
        @Schema(description = "This viewing session; pass it to leave", example = "0b4c6f7e-2f4a-4c55-9f0e-5b8d1c2a3e4f")
        String viewerId,
        @Schema(description = "RTCIceServer entries for RTCPeerConnection; empty when none are configured")
        List<IceServerView> iceServers) {

    @Schema(name = "IceServer")
    public record IceServerView(
            @Schema(example = "[\"turn:turn.example.com:3478\"]") List<String> urls,
            @Schema(example = "1795000000:0b4c6f7e-2f4a-4c55-9f0e-5b8d1c2a3e4f") String username,
            @Schema(example = "pJm7h0Vh0Y3cB3bO6o2kYw7V2nE=") String credential) {

        static IceServerView of(IceServer s) {
            return new IceServerView(s.urls(), s.username(), s.credential());
        }
    }

    public static JoinResponse of(String viewerId, List<IceServer> servers) {
        return new JoinResponse(true, viewerId, servers.stream().map(IceServerView::of).toList());
    }
}
