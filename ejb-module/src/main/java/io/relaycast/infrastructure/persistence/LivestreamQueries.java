package io.relaycast.infrastructure.persistence;

/** Names of the named queries on {@code Livestream} (JPQL in META-INF/orm.xml, checked at start-up). */
final class LivestreamQueries {

    static final String FIND_BY_STATUS = "Livestream.findByStatus";
    static final String FIND_BY_OWNER = "Livestream.findByOwner";
    static final String FIND_IDS_BY_STATUS = "Livestream.findIdsByStatus";
    static final String FIND_BY_IDS = "Livestream.findByIds";
    static final String FIND_BY_IDS_FOR_UPDATE = "Livestream.findByIdsForUpdate";
    static final String FIND_UPCOMING = "Livestream.findUpcoming";
    static final String FIND_RECORDINGS = "Livestream.findRecordings";
    static final String FIND_BY_STATUS_AND_TAG = "Livestream.findByStatusAndTag";
    static final String FIND_UPCOMING_BY_TAG = "Livestream.findUpcomingByTag";
    static final String FIND_RECORDINGS_BY_TAG = "Livestream.findRecordingsByTag";
    static final String COUNT_BY_OWNER_AND_STATUS = "Livestream.countByOwnerAndStatus";
    static final String FIND_ID_BY_STREAM_KEY = "Livestream.findIdByStreamKey";

    private LivestreamQueries() {
    }
}
