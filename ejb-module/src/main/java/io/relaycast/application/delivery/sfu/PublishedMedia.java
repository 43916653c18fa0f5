package io.relaycast.application.delivery.sfu;

/**
 * What a publisher sends the SFU, as negotiated: the media ids of its audio and video streams, the
 * video codec ({@code vp8}, {@code h264}, …) and whether the video comes as simulcast layers, for
 * whoever takes a copy of it (the HLS ladder).
 */
public record PublishedMedia(String audioMid, String videoMid, String videoCodec, boolean simulcast) {
}
