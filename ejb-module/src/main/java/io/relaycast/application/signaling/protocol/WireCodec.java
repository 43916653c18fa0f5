package io.relaycast.application.signaling.protocol;

import jakarta.enterprise.context.ApplicationScoped;

/** Where the WebSocket module's encoder is registered (the EJB module cannot see the web modules' classes). */
@ApplicationScoped
public class WireCodec {

    private volatile SignalEventCodec codec;

    public void register(SignalEventCodec codec) {
        this.codec = codec;
    }

    public String encode(SignalEvent event) {
        SignalEventCodec c = codec;
        if (c == null) {
            throw new IllegalStateException("The signaling endpoint has not started: no wire codec registered");
        }
        return c.encode(event);
    }
}
