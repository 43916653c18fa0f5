package io.relaycast.infrastructure.cluster;

import io.relaycast.application.signin.SignedOutSessions;
import io.relaycast.application.routing.GraceTimers;
import io.relaycast.application.delivery.relay.RelayTreeStore;
import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.delivery.sfu.SfuLoadShare;
import io.relaycast.application.routing.ServerNodes;
import io.relaycast.application.limits.RateBucketStore;
import io.relaycast.infrastructure.room.LocalNode;
import io.relaycast.infrastructure.room.InMemoryRoomLocks;
import io.relaycast.infrastructure.room.InMemoryRoomRouter;
import io.relaycast.infrastructure.room.ScheduledGraceTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The one place where a single server and a cluster differ: rooms, locks, grace timers, relay
 * trees, rate buckets, signed-out sessions, SFU instance loads and the node itself live in this JVM, or in Redis when
 * REDIS_URL is set. The rules see the interfaces only.
 */
@ApplicationScoped
public class RoomMachinery {

    @Inject
    ClusterSettings settings;

    @Produces
    @ApplicationScoped
    RoomRouter router(Instance<InMemoryRoomRouter> local, Instance<RedisRoomRouter> cluster) {
        return settings.clustered() ? cluster.get() : local.get();
    }

    @Produces
    @ApplicationScoped
    RoomLocks locks(Instance<InMemoryRoomLocks> local, Instance<RedisRoomLocks> cluster) {
        return settings.clustered() ? cluster.get() : local.get();
    }

    @Produces
    @ApplicationScoped
    RelayTreeStore relayTrees(Instance<RedisRelayTrees> cluster) {
        return settings.clustered() ? cluster.get() : RelayTreeStore.NONE;
    }

    @Produces
    @ApplicationScoped
    RateBucketStore rateBuckets(Instance<RedisRateBuckets> cluster) {
        return settings.clustered() ? cluster.get() : RateBucketStore.local();
    }

    @Produces
    @ApplicationScoped
    SignedOutSessions signedOut(Instance<RedisSignedOutSessions> cluster) {
        return settings.clustered() ? cluster.get() : SignedOutSessions.LOCAL;
    }

    @Produces
    @ApplicationScoped
    SfuLoadShare sfuLoads(Instance<RedisSfuLoadShare> cluster) {
        return settings.clustered() ? cluster.get() : SfuLoadShare.ALONE;
    }

    @Produces
    @ApplicationScoped
    ServerNodes nodes(Instance<LocalNode> local, Instance<ClusterNode> cluster) {
        return settings.clustered() ? cluster.get() : local.get();
    }

    @Produces
    @ApplicationScoped
    GraceTimers graceTimers(Instance<ScheduledGraceTimers> local, Instance<RedisGraceTimers> cluster) {
        return settings.clustered() ? cluster.get() : local.get();
    }
}
