package io.relaycast.interfaces.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** An {@code Authorization: Basic …} header, taken apart without trusting it. The password never shows in text. */
public record BasicCredentials(String user, String password) {

    private static final int MAX_HEADER = 4096;

    /** Whether the header claims to be Basic at all (any case, as RFC 7617 allows). */
    public static boolean isBasic(String header) {
        return header != null && header.regionMatches(true, 0, "Basic", 0, 5)
                && (header.length() == 5 || header.charAt(5) == ' ');
    }

    /** Empty when the header is not valid Basic credentials (bad base64, not UTF-8, no colon, no user). */
    public static Optional<BasicCredentials> parse(String header) {
        if (!isBasic(header) || header.length() > MAX_HEADER) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getDecoder().decode(header.substring(5).strip());
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
            int colon = decoded.indexOf(':');
            if (colon <= 0 || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
