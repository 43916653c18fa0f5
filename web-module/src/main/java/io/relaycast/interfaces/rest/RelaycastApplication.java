package io.relaycast.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Relaycast API", version = "1.0",
                description = "Live video for the enterprise: create and run livestreams, join as a viewer "
                        + "(with STUN/TURN servers for WebRTC), chat, like and read statistics. Errors are "
                        + "application/problem+json. Media never passes through this server.",
                license = @License(name = "Proprietary")),
        tags = {
                @Tag(name = "Streams", description = "Create, list, start and end livestreams"),
                @Tag(name = "Viewing", description = "Join and leave as a viewer; likes and statistics"),
                @Tag(name = "Chat", description = "Chat history and posting"),
                @Tag(name = "Moderation", description = "Delete chat lines, ban users, chat settings (owner or moderator)"),
                @Tag(name = "Pins", description = "Links and products pinned to a stream's watch page"),
                @Tag(name = "Access", description = "Who may watch a stream, and invite links"),
                @Tag(name = "Questions", description = "Moderated Q&A: viewers ask and upvote, staff approve, dismiss and answer"),
                @Tag(name = "Captions", description = "Live captions and the recording's WebVTT"),
                @Tag(name = "Polls", description = "Polls during a stream: staff open and close them, signed-in viewers vote once"),
                @Tag(name = "Ingest", description = "Publishing from encoders (WHIP, RTMP): addresses, the stream key, the encoder's state"),
                @Tag(name = "Webhooks", description = "Signed event deliveries (Standard Webhooks)"),
                @Tag(name = "Analytics", description = "Timeline, connection quality and report of a stream")
        })
@SecurityScheme(securitySchemeName = RelaycastApplication.BASIC_AUTH, type = SecuritySchemeType.HTTP,
        scheme = "basic", description = "User and password from the server's registry (demo: alice/alice-demo)")
@SecurityScheme(securitySchemeName = RelaycastApplication.BEARER_AUTH, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT", description = "An access token from the company's OpenID Connect "
        + "provider, when single sign-on is configured (docs/configuration.md); accepted wherever Basic is")
public class RelaycastApplication extends Application {

    public static final String BEARER_AUTH = "bearerAuth";

    public static final String BASIC_AUTH = "basicAuth";
}
