package io.relaycast.application.ice;

import java.util.List;

/** One RTCIceServer entry as the browser expects it; username/credential are null for STUN. */
public record IceServer(List<String> urls, String username, String credential) {

    public static IceServer stun(List<String> urls) {
        return new IceServer(List.copyOf(urls), null, null);
    }

    @Override
    public String toString() {
        return "IceServer[urls=" + urls + ", username=" + username + "]";
    }
}
