package io.relaycast.interfaces.http;

import com.ibm.websphere.security.auth.WSSubject;
import com.ibm.websphere.security.cred.WSCredential;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;

/**
 * The groups of the caller of the current request, as Liberty's security runtime knows them
 * (basic registry, LDAP, or an OpenID Connect token's groups claim): the names, without Liberty's
 * {@code group:<realm>/} prefix. The standard APIs only answer role questions; who may watch a
 * restricted stream is decided by company groups.
 */
public final class CallerGroups {

    private static final Logger LOG = Logger.getLogger(CallerGroups.class.getName());

    private CallerGroups() {
    }

    public static Set<String> current() {
        try {
            Subject subject = WSSubject.getCallerSubject();
            if (subject == null) {
                return Set.of();
            }
            Set<String> names = new HashSet<>();
            for (WSCredential c : subject.getPublicCredentials(WSCredential.class)) {
                List<?> ids = c.getGroupIds();
                if (ids != null) {
                    ids.forEach(g -> names.add(name(String.valueOf(g))));
                }
            }
            return names;
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "No caller groups", e);
            return Set.of();
        }
    }

    /** "group:BasicRealm/engineering" → "engineering"; an LDAP DN "cn=eng,ou=groups,…" → "eng". */
    static String name(String groupId) {
        String g = groupId.startsWith("group:") ? groupId.substring(groupId.indexOf('/') + 1) : groupId;
        if (g.regionMatches(true, 0, "cn=", 0, 3)) {
            int comma = g.indexOf(',');
            return comma < 0 ? g.substring(3) : g.substring(3, comma);
        }
        return g;
    }
}
