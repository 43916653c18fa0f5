package io.relaycast.domain.model.shared;

/**
 * A path on this server that a browser cannot be tricked into reading as another host:
 * {@code /watch/1} yes; {@code //evil.example}, {@code /\evil.example} (browsers read {@code \} as
 * {@code /}), {@code /<tab>/evil.example} (URL parsers drop tabs and newlines) no.
 */
public final class SameOriginPath {

    public static final int MAX_LENGTH = 2048;

    private SameOriginPath() {
    }

    public static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && Character.isISOControl(c))) {
                return false;
            }
        }
        return path.length() == 1 || path.charAt(1) != '/';
    }
}
