/** Live captions: the final lines a captioner wrote, timed from the stream's start, and who may caption a stream. */
package io.relaycast.domain.model.caption;
