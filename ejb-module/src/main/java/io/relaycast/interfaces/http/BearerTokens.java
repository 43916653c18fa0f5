package io.relaycast.interfaces.http;

import com.ibm.websphere.security.jwt.Claims;
import com.ibm.websphere.security.jwt.JwtConsumer;
import com.ibm.websphere.security.jwt.JwtToken;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API access tokens from the OpenID Connect provider ({@code Authorization: Bearer <JWT>}), checked
 * by Liberty's JWT consumer ({@code jwt-1.0}, configured as {@value #CONSUMER} in oidc/sso.xml):
 * signature against the provider's published keys, issuer, audience and expiry. Not a CDI bean, so
 * that nothing loads Liberty's JWT classes where single sign-on is off.
 */
final class BearerTokens {

    static final String CONSUMER = "relaycastApi";
    private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());
    private static final String PREFIX = "bearer ";
    private static final VerifiedTokens VERIFIED = new VerifiedTokens(System::currentTimeMillis);
    private static final Pattern MESSAGE_CODE = Pattern.compile("\\b[A-Z]{5}\\d{4}[EW]\\b");

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
        Optional<TokenCaller> known = VERIFIED.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        Claims claims;
        try {
            JwtToken jwt = JwtConsumer.create(CONSUMER).createJwt(token);
            claims = jwt.getClaims();
        } catch (Exception | LinkageError e) {
            // expired, wrong audience or issuer, bad signature, not a JWT: the log says which by
            // Liberty's message codes only, since its messages quote the token itself
            LOG.info("A bearer token was refused: " + codes(String.valueOf(e.getMessage())));
            throw new Refused("The bearer token is not valid here (expired, for another audience, or not "
                    + "issued by the configured provider).");
        }
        Object user = claims.get(userClaim);
        if (!(user instanceof String name) || name.isBlank()) {
            throw new Refused("The bearer token does not name a user (claim '" + userClaim + "').");
        }
        TokenCaller caller = new TokenCaller(name, groups(claims.get(groupsClaim)));
        VERIFIED.put(token, caller, claims.getExpiration() * 1000);
        return caller;
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
