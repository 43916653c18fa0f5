package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.protocol.WireCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Lends this module's encoder to the cluster router as soon as the WebSocket module starts. */
@ApplicationScoped
public class WireCodecRegistration {

    @Inject
    WireCodec codec;

    @Inject
    SignalEncoder encoder;

    void started(@Observes @Initialized(ApplicationScoped.class) Object context) {
        codec.register(encoder);
    }
}
