/**
 * Live HLS: an SFU stream's publication copied out of the SFU as plain RTP into a packager (ffmpeg)
 * that writes an fMP4 ladder, served to viewers WebRTC cannot reach, behind signed, expiring tokens.
 */
package io.relaycast.application.hls;
