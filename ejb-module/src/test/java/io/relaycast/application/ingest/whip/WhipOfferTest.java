package io.relaycast.application.ingest.whip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relaycast.application.ingest.IngestException;
import org.junit.jupiter.api.Test;

class WhipOfferTest {

    @Test
    void onlySomethingThatLooksLikeAnOfferIsSentOn() {
        WhipIngest.requireOffer("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n");
        for (String bad : new String[] {null, "", "hello", "v=0\r\n", "v=0\r\nm=video\0"}) {
            assertEquals(400, assertThrows(IngestException.class, () -> WhipIngest.requireOffer(bad)).status());
        }
    }
}
