/**
 * Rules for recording uploads: what media an upload really is, and why one is refused.
 */
package io.relaycast.domain.model.recording;
