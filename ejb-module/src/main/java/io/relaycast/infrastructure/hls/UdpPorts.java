package io.relaycast.infrastructure.hls;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** Free UDP ports for a packager: an even RTP port whose RTCP port (the next one) is free too. */
final class UdpPorts {

    private static final int ATTEMPTS = 50;

    private UdpPorts() {
    }

    static int freePair() throws IOException {
        return freePairOtherThan(-2);
    }

    /** A free pair that is not {@code taken}'s (the two pairs of one packager are asked for before it binds either). */
    static int freePairOtherThan(int taken) throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            try (DatagramSocket probe = new DatagramSocket(0)) {
                int port = probe.getLocalPort();
                if (port % 2 == 0 && port < 65535 && Math.abs(port - taken) > 1 && free(port + 1)) {
                    return port;
                }
            }
        }
        throw new IOException("no free pair of UDP ports for the HLS packager");
    }

    /** Whether nobody listens on the port (wildcard address, as ffmpeg binds it). */
    static boolean free(int port) {
        try (DatagramSocket s = new DatagramSocket(null)) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
