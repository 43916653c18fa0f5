package io.relaycast.interfaces.http;

import jakarta.servlet.ServletRequest;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Works around an Open Liberty defect: after the authentication mechanism refuses a request whose
 * auth type is BASIC, Liberty's audit step takes the user name out of the Authorization header
 * with {@code substring(0, indexOf(':'))} and fails on a header without a colon (a 500 with a stack
 * trace instead of our 401). Marking the request's private auth type as something else skips
 * that step. Only ever applied to a request that is being refused.
 */
final class LibertyAudit {

    private static final Logger LOG = Logger.getLogger(LibertyAudit.class.getName());

    private LibertyAudit() {
    }

    static void notBasic(ServletRequest req) {
        try {
            Method set = req.getClass().getMethod("setPrivateAttribute", String.class, Object.class);
            set.invoke(req, "AUTH_TYPE", "RELAYCAST-REFUSED");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "Not a Liberty request (" + req.getClass().getName() + "): " + e);
        }
    }
}
