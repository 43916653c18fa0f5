/**
 * Media storage on local disk, and ffmpeg remuxing.
 */
package io.relaycast.infrastructure.storage;
