package io.relaycast.application.hls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries a token into a playlist's links: every URI line and {@code URI="…"} attribute (the init
 * segment) gets {@code ?token=…}, so a player that was given a tokened master playlist asks for
 * everything below it with the token too (relative links do not inherit a query).
 */
public final class PlaylistLinks {

    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"?]+)\"");

    private PlaylistLinks() {
    }

    public static String withToken(String playlist, String token) {
        StringBuilder out = new StringBuilder(playlist.length() + 64);
        for (String line : playlist.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.isEmpty()) {
                out.append(l);
            } else if (l.startsWith("#")) {
                Matcher m = URI_ATTRIBUTE.matcher(l);
                out.append(m.replaceAll(r -> Matcher.quoteReplacement("URI=\"" + r.group(1) + "?token=" + token + "\"")));
            } else {
                out.append(l).append(l.contains("?") ? "&" : "?").append("token=").append(token);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
