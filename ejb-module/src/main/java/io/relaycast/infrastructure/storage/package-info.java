/**
 * Media storage on local disk (or, chosen here, object storage), and the media tools run on local
 * files: ffmpeg remuxing and Janus's recordings turned into VOD parts.
 */
package io.relaycast.infrastructure.storage;
