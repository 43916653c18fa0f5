package io.relaycast.interfaces.whip;

import static io.relaycast.application.json.JsonProviders.JSON;

import java.util.ArrayList;
import java.util.List;

/**
 * A trickle ICE SDP fragment (RFC 8840, {@code application/trickle-ice-sdpfrag}) as WHIP clients
 * PATCH it: the ICE credentials, then per media section its {@code a=mid} and candidates, maybe
 * {@code a=end-of-candidates}. Each candidate becomes the JSON a browser would trickle.
 */
record TrickleFragment(String ufrag, List<String> candidates, boolean end) {

    static final int MAX_CANDIDATES = 64;

    /** The fragment, or IllegalArgumentException (400) for what is not one. */
    static TrickleFragment parse(String body) {
        String ufrag = null;
        String mid = null;
        int mLine = -1;
        boolean end = false;
        List<String> candidates = new ArrayList<>();
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.indexOf('\0') >= 0 || line.length() > 1024) {
                throw new IllegalArgumentException("A line of the fragment is too long or holds a NUL.");
            }
            if (line.startsWith("a=ice-ufrag:")) {
                ufrag = line.substring(12);
            } else if (line.startsWith("m=")) {
                mLine++;
                mid = null;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6);
            } else if (line.startsWith("a=candidate:")) {
                if (candidates.size() == MAX_CANDIDATES) {
                    throw new IllegalArgumentException("At most " + MAX_CANDIDATES + " candidates per PATCH.");
                }
                candidates.add(candidate(line.substring(2), mid, Math.max(mLine, 0)));
            } else if (line.equals("a=end-of-candidates")) {
                end = true;
            } else if (!line.startsWith("a=") || line.length() < 3) {
                throw new IllegalArgumentException("Not a trickle ICE fragment (a= and m= lines only).");
            }
        }
        return new TrickleFragment(ufrag, List.copyOf(candidates), end);
    }

    private static String candidate(String candidate, String mid, int mLineIndex) {
        var b = JSON.createObjectBuilder().add("candidate", candidate).add("sdpMLineIndex", mLineIndex);
        if (mid != null) {
            b.add("sdpMid", mid);
        }
        return b.build().toString();
    }
}
