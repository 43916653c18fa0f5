/** The RTMP server's callbacks (nginx-rtmp's {@code on_publish}, {@code on_publish_done}) and its bridge's question. */
package io.relaycast.interfaces.rtmp;
