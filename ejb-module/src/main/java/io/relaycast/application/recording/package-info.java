/**
 * Recordings: uploaded chunks, storage quotas, finalizing into a seekable file, and the storage and
 * remux ports.
 */
package io.relaycast.application.recording;
