package io.relaycast.interfaces.http;

/**
 * What a 401 asks for in WWW-Authenticate. API clients get the Basic challenge; the console's own
 * scripts (they send X-Requested-With: XMLHttpRequest) handle a 401 themselves, and a Basic
 * challenge would make the browser pop up its password dialog over the page.
 */
public final class Challenges {

    public static final String BASIC = "Basic realm=\"relaycast\"";
    /** A scheme no browser prompts for. */
    public static final String SCRIPT = "Relaycast realm=\"relaycast\"";

    private Challenges() {
    }

    public static String forRequest(String xRequestedWith) {
        return "XMLHttpRequest".equalsIgnoreCase(xRequestedWith) ? SCRIPT : BASIC;
    }
}
