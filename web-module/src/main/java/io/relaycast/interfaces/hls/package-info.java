/** Live HLS over HTTP: playlists and segments under {@code /hls/{streamId}/}, each request holding a valid token. */
package io.relaycast.interfaces.hls;
