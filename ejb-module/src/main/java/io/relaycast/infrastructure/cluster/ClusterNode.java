package io.relaycast.infrastructure.cluster;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomNews;
import io.relaycast.application.routing.ServerNodes;
import io.relaycast.application.signaling.SignalingService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.params.SetParams;

/**
 * This server as a node of the cluster: it renews a heartbeat key in Redis, and watches the other
 * nodes' keys. A node whose key expired died without a word; the first node to claim it treats each
 * of its sockets as disconnected (viewer rows closed, the broadcaster told, counts corrected; a
 * broadcaster gets its grace period) — what that node would have done had it lived to see them close.
 */
@ApplicationScoped
@Typed(ClusterNode.class) // chosen by RoomMachinery
public class ClusterNode implements ServerNodes {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());
    static final String NODES = "rc:nodes";

    @Inject
    ClusterSettings settings;

    @Inject
    Instance<Redis> redis;

    @Inject
    Instance<RedisRoomRouter> router;

    @Inject
    Instance<RedisGraceTimers> timers;

    @Inject
    Instance<RoomRegistry> registry;

    @Inject
    Instance<SignalingService> signaling;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    private volatile ScheduledFuture<?> reaper;
    private volatile boolean stopped;
    private volatile int liveNodes = 1;
    private boolean joined;

    static String heartbeatKey(String node) {
        return "rc:heartbeat:" + node;
    }

    @Override
    public boolean alone() {
        String self = redis.get().nodeId();
        return redis.get().client().smembers(NODES).stream()
                .noneMatch(n -> !n.equals(self) && redis.get().client().exists(heartbeatKey(n)));
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public boolean reachable() {
        return redis.get().ping();
    }

    @Override
    public String nodeId() {
        return redis.get().nodeId();
    }

    @Override
    public int liveNodes() {
        return liveNodes;
    }

    @Override
    public synchronized void join() {
        if (joined) {
            return;
        }
        joined = true;
        metrics.gauge(NODES_GAUGE, this, n -> n.liveNodes);
        router.get().listen(); // other nodes' members are mirrored from now on (it retries until Redis answers)
        timers.get().startPolling();
        long every = settings.heartbeatMillis();
        // Its own thread: a node whose executor is saturated must still say it is alive.
        Thread t = threads.newThread(() -> beatUntilStopped(every));
        t.setName("relaycast-cluster-heartbeat");
        t.setDaemon(true);
        t.start();
        reaper = scheduler.scheduleWithFixedDelay(this::reapQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Joining the cluster as node " + redis.get().nodeId());
    }

    @Override
    public void announce(RoomNews n) {
        redis.get().client().publish(RedisRoomRouter.NEWS, JSON.createObjectBuilder().add("o", redis.get().nodeId())
                .add("s", n.streamId().value()).add("k", n.kind().name()).build().toString());
    }

    private void beatUntilStopped(long every) {
        boolean first = true;
        while (!stopped) {
            try {
                if (!heartbeat() && !first) {
                    // The others gave this node up (it missed its heartbeats) and closed its sessions'
                    // rows: its sockets reconnect and join again, wherever they land.
                    scheduler.execute(this::resetLocalSessions);
                }
                first = false;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cluster heartbeat failed (is Redis reachable?)", e);
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Renews this node's heartbeat; false when it was no longer listed as a node (it had been given up). */
    private boolean heartbeat() {
        Redis r = redis.get();
        r.client().set(heartbeatKey(r.nodeId()), Long.toString(System.currentTimeMillis()),
                SetParams.setParams().px(settings.nodeTimeoutMillis()));
        return r.client().sadd(NODES, r.nodeId()) == 0;
    }

    private void resetLocalSessions() {
        List<Participant> held = router.get().allLocal();
        LOG.warning(() -> "This node was given up by the cluster; closing its " + held.size()
                + " sessions so that they join again");
        for (Participant p : held) {
            p.markDetached();
            router.get().remove(p);
            p.close(CloseCause.NODE_RESET);
        }
    }

    private void reapQuietly() {
        try {
            reapDeadNodes();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dead nodes not checked (is Redis reachable?)", e);
        }
    }

    void reapDeadNodes() {
        Redis r = redis.get();
        Set<String> nodes = r.client().smembers(NODES);
        int live = 0;
        for (String node : nodes) {
            if (node.equals(r.nodeId()) || r.client().exists(heartbeatKey(node))) {
                live++;
            } else if (r.client().srem(NODES, node) == 1) { // claimed: no other node reaps it too
                reap(node);
            }
        }
        liveNodes = Math.max(1, live);
    }

    private void reap(String node) {
        int n = 0;
        for (Participant p : router.get().membersOf(node)) {
            try {
                signaling.get().disconnected(p);
                n++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Session " + p.peerId() + " of dead node " + node + " not closed", e);
            }
        }
        registry.get().forgetNode(node);
        int closed = n;
        LOG.warning(() -> "Node " + node + " stopped heartbeating: its " + closed + " sessions are treated as gone");
    }

    /** A clean stop: the others need not wait for the heartbeat to expire. */
    @PreDestroy
    void leave() {
        stopped = true;
        if (reaper == null) {
            return;
        }
        reaper.cancel(false);
        try {
            Redis r = redis.get();
            r.client().del(heartbeatKey(r.nodeId()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "heartbeat not removed", e);
        }
    }
}
