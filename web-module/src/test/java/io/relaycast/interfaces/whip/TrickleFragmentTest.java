package io.relaycast.interfaces.whip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrickleFragmentTest {

    @Test
    void candidatesOfTheRfcsExampleBecomeBrowserCandidates() {
        TrickleFragment f = TrickleFragment.parse("a=ice-ufrag:EsAw\r\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\n"
                + "m=audio 9 RTP/AVP 0\r\na=mid:0\r\n"
                + "a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw network-id 1\r\n"
                + "a=candidate:3471623853 1 udp 2122194687 198.51.100.2 61765 typ host generation 0 ufrag EsAw network-id 2\r\n"
                + "a=end-of-candidates\r\n");
        assertEquals("EsAw", f.ufrag());
        assertEquals(2, f.candidates().size());
        assertEquals("{\"candidate\":\"candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag "
                + "EsAw network-id 1\",\"sdpMLineIndex\":0,\"sdpMid\":\"0\"}", f.candidates().get(0));
        assertTrue(f.end());
    }

    @Test
    void onlyTheEndIsFine() {
        TrickleFragment f = TrickleFragment.parse("a=ice-ufrag:x\na=ice-pwd:y\nm=audio 9 RTP/AVP 0\na=mid:0\na=end-of-candidates\n");
        assertTrue(f.candidates().isEmpty());
        assertTrue(f.end());
        assertFalse(TrickleFragment.parse("a=ice-ufrag:x\n").end());
    }

    @Test
    void whatIsNoFragmentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrickleFragment.parse("hello"));
        assertThrows(IllegalArgumentException.class, () -> TrickleFragment.parse("v=0\r\n"));
        assertThrows(IllegalArgumentException.class, () -> TrickleFragment.parse("a=candidate:1 1 udp 1 1.2.3.4 5 typ host\0"));
        StringBuilder many = new StringBuilder("m=audio 9 RTP/AVP 0\n");
        for (int i = 0; i <= TrickleFragment.MAX_CANDIDATES; i++) {
            many.append("a=candidate:").append(i).append(" 1 udp 1 192.0.2.1 5 typ host\n");
        }
        assertThrows(IllegalArgumentException.class, () -> TrickleFragment.parse(many.toString()));
    }
}
