package io.relaycast.infrastructure.turn;

import io.relaycast.application.ice.IceServer;
import io.relaycast.application.ice.IceServerProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * ICE servers from configuration (env vars STUN_SERVERS, TURN_SERVER, TURN_SECRET, TURN_TTL,
 * TURN_USERNAME, TURN_PASSWORD). With nothing configured, browsers get no servers at all: no
 * traffic to public STUN by default.
 */
@ApplicationScoped
public class ConfiguredIceServerProvider implements IceServerProvider {

    private static final Logger LOG = Logger.getLogger(ConfiguredIceServerProvider.class.getName());

    @Inject
    @ConfigProperty(name = "stun.servers")
    Optional<String> stunServers;

    @Inject
    @ConfigProperty(name = "turn.server")
    Optional<String> turnServer;

    @Inject
    @ConfigProperty(name = "turn.secret")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "turn.username")
    Optional<String> turnUsername;

    @Inject
    @ConfigProperty(name = "turn.password")
    Optional<String> turnPassword;

    @Inject
    @ConfigProperty(name = "turn.ttl", defaultValue = "10800")
    long turnTtlSeconds;

    @Inject
    Clock clock;

    private IceServerSettings settings;

    @PostConstruct
    void init() {
        settings = IceServerSettings.parse(stunServers, turnServer, turnSecret, turnUsername, turnPassword,
                turnTtlSeconds);
        if (!settings.turnUrls().isEmpty() && settings.turnMode() == IceServerSettings.TurnMode.NONE) {
            LOG.warning("TURN_SERVER is set but neither TURN_SECRET nor TURN_USERNAME/TURN_PASSWORD: "
                    + "TURN will not be offered to browsers");
        }
        LOG.info(() -> "ICE configuration: " + settings);
    }

    @Override
    public List<IceServer> publicServers() {
        return settings.stunUrls().isEmpty() ? List.of() : List.of(IceServer.stun(settings.stunUrls()));
    }

    @Override
    public List<IceServer> iceServersFor(String peerId) {
        List<IceServer> servers = new ArrayList<>(publicServers());
        switch (settings.turnMode()) {
            case SHARED_SECRET -> {
                TurnRestCredentials.Credential c = TurnRestCredentials.mint(settings.sharedSecret().get(), peerId,
                        clock.instant(), settings.ttl());
                servers.add(new IceServer(settings.turnUrls(), c.username(), c.password()));
            }
            case STATIC -> servers.add(new IceServer(settings.turnUrls(), settings.staticUsername().get(),
                    settings.staticPassword().get()));
            case NONE -> {
                // nothing to add
            }
        }
        return servers;
    }
}
