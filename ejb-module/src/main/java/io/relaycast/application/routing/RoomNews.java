package io.relaycast.application.routing;

import io.relaycast.domain.model.stream.StreamId;

/**
 * A change of a stream that every server of a cluster acts on for the members it holds: forget
 * cached facts, admit its own waiting viewers. Fired as a CDI event on the servers that did not
 * cause it (see {@link ServerNodes#announce}).
 */
public record RoomNews(StreamId streamId, Kind kind) {

    public enum Kind {
        STARTED, ENDED,
        /** Who may watch changed: every server sends its viewers of the stream to be checked again. */
        ACCESS_CHANGED,
        /** The broadcaster published to the SFU: viewers are subscribed by the server that holds them. */
        PUBLISHED,
        /** The announcement (title, time, tags) or the viewer limit changed: cached facts are stale. */
        REVISED,
        /** Someone asked for the live HLS rendition: the server holding the publisher starts packaging it. */
        HLS_WANTED,
        /** A server found the stream's SFU instance full: the server holding the publisher cascades it onto another. */
        SFU_FULL,
        /** Viewers started on a copy of the stream that only its broadcaster can give a picture: its server asks it for a keyframe. */
        KEYFRAME_WANTED
    }
}
