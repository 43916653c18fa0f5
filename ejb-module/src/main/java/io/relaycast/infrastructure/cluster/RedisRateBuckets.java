package io.relaycast.infrastructure.cluster;

import io.relaycast.application.limits.RateBucketStore;
import io.relaycast.application.limits.RateBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Rate limits that hold across the cluster: each bucket is a Redis hash updated by one script (so
 * two nodes cannot both take the last token), timed by Redis's clock and expiring once full again.
 */
@ApplicationScoped
@Typed(RedisRateBuckets.class) // chosen by RoomMachinery
public class RedisRateBuckets implements RateBucketStore {

    /** ARGV: rate per second, burst, 1 to take a token (0 to look). Returns ms until a token (0: taken/available). */
    private static final String BUCKET = """
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local rate, burst, take = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1'
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(b[1]) or burst
            local at = tonumber(b[2]) or now
            tokens = math.min(burst, tokens + (now - at) * rate / 1000)
            local wait = 0
            if tokens >= 1 then
              if take then tokens = tokens - 1 end
            else
              wait = math.max(1, math.ceil((1 - tokens) * 1000 / rate))
            end
            if take then
              redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
              redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
            end
            return wait""";

    @Inject
    Redis redis;

    @Override
    public RateBuckets buckets(String name, double perSecond, double burst) {
        return new InRedis(name, perSecond, burst);
    }

    private final class InRedis implements RateBuckets {
        private final String prefix;
        private final String rate;
        private final String burst;

        InRedis(String name, double perSecond, double burst) {
            this.prefix = "rc:rate:" + name + ":";
            this.rate = Double.toString(perSecond);
            this.burst = Double.toString(burst);
        }

        @Override
        public long take(String key) {
            return call(key, "1");
        }

        @Override
        public long waitFor(String key) {
            return call(key, "0");
        }

        private long call(String key, String take) {
            Object ms = redis.client().eval(BUCKET, List.of(prefix + key), List.of(rate, burst, take));
            return ((Long) ms) * 1_000_000L;
        }
    }
}
