/**
 * ffmpeg as the HLS packager: it takes an SFU publication as plain RTP (described by an SDP file)
 * and writes a two-rendition fMP4 (CMAF) HLS ladder with 2-second segments into HLS_DIR.
 */
package io.relaycast.infrastructure.hls;
