package io.relaycast.infrastructure.cluster;

import io.relaycast.application.signin.SignedOutSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.params.SetParams;

/**
 * Signed-out sessions shared by every node: one key per cookie digest, expiring when the cookie
 * would have. If Redis cannot be asked, a cookie is taken as signed out only by Liberty's own list
 * (this node's): the request goes on rather than every signed-in user being turned away.
 */
@ApplicationScoped
@Typed(RedisSignedOutSessions.class) // chosen by RoomMachinery
public class RedisSignedOutSessions implements SignedOutSessions {

    private static final Logger LOG = Logger.getLogger(RedisSignedOutSessions.class.getName());
    private static final String PREFIX = "rc:signedout:";

    @Inject
    Redis redis;

    @Override
    public void signedOut(String cookieDigest, Duration remaining) {
        redis.client().set(PREFIX + cookieDigest, "1", SetParams.setParams().px(Math.max(1000, remaining.toMillis())));
    }

    @Override
    public boolean isSignedOut(String cookieDigest) {
        try {
            return redis.client().exists(PREFIX + cookieDigest);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signed-out sessions could not be checked in Redis", e);
            return false;
        }
    }
}
