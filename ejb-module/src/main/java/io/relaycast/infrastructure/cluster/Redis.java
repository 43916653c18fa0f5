package io.relaycast.infrastructure.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * The cluster's Redis: a pooled client for commands, and one subscriber connection (on a thread of
 * its own) whose messages arrive in the order Redis published them. This server's node id is new at
 * every start, so what a crashed run left behind is recognisably another (dead) node's.
 */
@ApplicationScoped
public class Redis {

    private static final Logger LOG = Logger.getLogger(Redis.class.getName());

    @Inject
    ClusterSettings settings;

    @Resource
    ManagedThreadFactory threads;

    private final String nodeId = UUID.randomUUID().toString().substring(0, 13);
    private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();
    private volatile RedisClient client;
    private volatile Subscriber subscriber;
    private volatile boolean stopped;

    public String nodeId() {
        return nodeId;
    }

    /** The pooled client (created on first use; REDIS_URL must be set). */
    public RedisClient client() {
        RedisClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    String url = settings.redisUrl()
                            .orElseThrow(() -> new IllegalStateException("REDIS_URL is not set"));
                    // Every room operation, fan-out to another node and rate-limit check borrows one; a
                    // thread never waits forever for one (a wait would hold up the room's lock).
                    ConnectionPoolConfig pool = new ConnectionPoolConfig();
                    pool.setMaxTotal(settings.poolSize());
                    pool.setMaxIdle(settings.poolSize());
                    pool.setMinIdle(2);
                    pool.setMaxWait(Duration.ofSeconds(5));
                    client = RedisClient.builder().fromURI(URI.create(url)).poolConfig(pool).build();
                }
                c = client;
            }
        }
        return c;
    }

    /**
     * Listens to {@code channels} on a thread of its own until the application stops, and calls
     * {@code onSubscribed} each time the subscription is (re)established, so that the caller can
     * reload what it may have missed. Handlers run on that thread and must not block.
     */
    public synchronized void listen(Map<String, Consumer<String>> channels, Runnable onSubscribed) {
        if (subscriber != null) {
            throw new IllegalStateException("already listening");
        }
        handlers.putAll(channels);
        subscriber = new Subscriber(onSubscribed);
        Thread t = threads.newThread(() -> listenLoop(onSubscribed));
        t.setName("relaycast-redis-subscriber");
        t.setDaemon(true);
        t.start();
    }

    private void listenLoop(Runnable onSubscribed) {
        long backoff = 200;
        while (!stopped) {
            try {
                client().subscribe(subscriber, handlers.keySet().toArray(String[]::new));
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.log(Level.WARNING, "Redis subscription lost; retrying in " + backoff + " ms: " + e);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(5_000, backoff * 2);
            subscriber = new Subscriber(onSubscribed);
        }
    }

    /** True when the command connection answers (for /health/ready). */
    public boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(client().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        stopped = true;
        Subscriber s = subscriber;
        if (s != null && s.isSubscribed()) {
            try {
                s.unsubscribe();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "unsubscribe", e);
            }
        }
        if (client != null) {
            client.close();
        }
    }

    private final class Subscriber extends JedisPubSub {
        private final Runnable onSubscribed;

        Subscriber(Runnable onSubscribed) {
            this.onSubscribed = onSubscribed;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (subscribedChannels == handlers.size()) {
                try {
                    onSubscribed.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Cluster state not reloaded after subscribing", e);
                }
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            Consumer<String> h = handlers.get(channel);
            if (h == null) {
                return;
            }
            try {
                h.accept(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cluster message on " + channel + " not handled", e);
            }
        }
    }
}
