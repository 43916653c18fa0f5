package io.relaycast.interfaces.http;

import com.ibm.websphere.security.jwt.Claims;
import com.ibm.websphere.security.jwt.JwtConsumer;
import com.ibm.websphere.security.jwt.JwtToken;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API access tokens from the OpenID Connect provider ({@code Authorization: Bearer <JWT>}), checked
 * by Liberty's JWT consumer ({@code jwt-1.0}, configured as {@value #CONSUMER} in oidc/sso.xml):
 * signature against the provider's published keys, issuer, audience and expiry; and an access
 * token, not an ID token (those may carry the same audience, and travel in browser URLs). Not a
 * CDI bean, so that nothing loads Liberty's JWT classes where single sign-on is off.
 */
final class BearerTokens {

    static final String CONSUMER = "relaycastApi";
    private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());
    private static final String PREFIX = "bearer ";
    private static final Pattern MESSAGE_CODE = Pattern.compile("\\b[A-Z]{5}\\d{4}[EW]\\b");
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");
    private static final VerifiedTokens VERIFIED = new VerifiedTokens(System::currentTimeMillis);

    /** Who a valid token names: the user and their company groups. */
    record TokenCaller(String user, Set<String> groups) {
    }

    /** Why a token was refused: said to the client without the token's content. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private BearerTokens() {
    }

    static boolean isBearer(String header) {
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static TokenCaller verify(String header, String userClaim, String groupsClaim) throws Refused {
        String token = header.substring(PREFIX.length()).trim();
        if (token.isEmpty() || token.length() > 16_384) {
            throw new Refused("The Authorization header holds no usable bearer token.");
        }
        return VERIFIED.verify(token, () -> check(token, userClaim, groupsClaim));
    }

    private static VerifiedTokens.Verified check(String token, String userClaim, String groupsClaim) throws Refused {
        JwtToken jwt;
        try {
            jwt = JwtConsumer.create(CONSUMER).createJwt(token);
        } catch (Exception | LinkageError e) {
            // expired, wrong audience or issuer, bad signature, not a JWT: Liberty's message codes
            // say which (its messages quote the token itself)
            LOG.log(Level.FINE, () -> "A bearer token was refused: " + codes(String.valueOf(e.getMessage())));
            throw new Refused("The bearer token is not valid here (expired, for another audience, or not "
                    + "issued by the configured provider).");
        }
        Claims claims = jwt.getClaims();
        if (!isAccessToken(jwt.getHeader("typ"), claims)) {
            throw new Refused("That is an ID token; call the API with an access token.");
        }
        Object user = claims.get(userClaim);
        if (!(user instanceof String name) || name.isBlank()) {
            throw new Refused("The bearer token does not name a user (claim '" + userClaim + "').");
        }
        return new VerifiedTokens.Verified(new TokenCaller(name, groups(claims.get(groupsClaim))),
                claims.getExpiration() * 1000);
    }

    /**
     * ID tokens carry hashes of the code or access token issued with them ({@code at_hash},
     * {@code c_hash}); Keycloak types them ({@code "typ":"ID"}); RFC 9068 access tokens are typed
     * {@code at+jwt} in the header. (Not {@code nonce}: some providers copy it into access tokens.)
     */
    static boolean isAccessToken(String headerType, java.util.Map<String, Object> claims) {
        if (headerType != null && !ACCESS_TOKEN_TYPES.contains(headerType.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return !claims.containsKey("at_hash") && !claims.containsKey("c_hash") && !"ID".equals(claims.get("typ"));
    }

    /** "CWWKS6031E ... CWWKS6041E ..." → "CWWKS6031E CWWKS6041E" (see Liberty's message reference). */
    static String codes(String message) {
        Matcher m = MESSAGE_CODE.matcher(message);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            b.append(b.length() == 0 ? "" : " ").append(m.group());
        }
        return b.length() == 0 ? "(no message code)" : b.toString();
    }

    static Set<String> groups(Object claim) {
        Set<String> groups = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        } else if (claim instanceof String s && !s.isBlank()) {
            for (String g : s.split("[,\\s]+")) {
                if (!g.isBlank()) {
                    groups.add(g);
                }
            }
        }
        groups.removeIf(g -> g.isBlank() || g.toLowerCase(Locale.ROOT).equals("null"));
        return groups;
    }
}
