package io.relaycast.interfaces.sso;

/**
 * Where a sign-in returns to: a path on this site, never another origin (an open redirect would
 * let a link through our sign-in land people on a look-alike site).
 */
final class ReturnPath {

    static final String DEFAULT = "/console";
    private static final int MAX_LENGTH = 2000;

    private ReturnPath() {
    }

    static String of(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !next.startsWith("/")
                || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/sso")) {
            return DEFAULT;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return DEFAULT; // control characters, spaces and backslashes: browsers "repair" these
            }
        }
        return next;
    }
}
