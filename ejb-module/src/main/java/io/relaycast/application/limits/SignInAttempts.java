package io.relaycast.application.limits;

import io.relaycast.domain.model.shared.RateLimitedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password guessing is slowed per account and per client address: a few failures are free, then
 * the next attempt has to wait (429 with Retry-After), whatever the credentials. Failures are
 * logged with the user name and address, never the password.
 */
@ApplicationScoped
public class SignInAttempts {

    private static final Logger LOG = Logger.getLogger(SignInAttempts.class.getName());

    @Inject
    @ConfigProperty(name = "signin.max-failures-per-user", defaultValue = "5")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "signin.max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    /** Over this window the allowance refills completely. */
    @Inject
    @ConfigProperty(name = "signin.failure-window-seconds", defaultValue = "300")
    int windowSeconds;

    private RateBuckets byUser;
    private RateBuckets byAddress;

    @Inject
    RateBucketStore store;

    @PostConstruct
    void init() {
        byUser = store.buckets("signin-by-user", (double) maxPerUser / windowSeconds, maxPerUser);
        byAddress = store.buckets("signin-by-address", (double) maxPerAddress / windowSeconds, maxPerAddress);
    }

    /**
     * Refuses an attempt while this address has used up its failures for this user, or for all
     * users. An attacker guessing a user's password is slowed down from the addresses it guesses
     * from; the user signs in from their own as usual (no lock-out of the account for everyone).
     */
    public void check(String user, String address) {
        long wait = Math.max(byUser.waitFor(key(user, address)), byAddress.waitFor(address));
        if (wait > 0) {
            throw new RateLimitedException("Too many failed sign-ins; try again later.", RateLimitedException.seconds(wait));
        }
    }

    public void failed(String user, String address) {
        byUser.take(key(user, address));
        byAddress.take(address);
        LOG.warning(() -> "Failed sign-in for user '" + printable(user) + "' from " + address);
    }

    private static String key(String user, String address) {
        return address + " " + user;
    }

    /** User names come from the client: no line breaks or control characters into the log. */
    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
