package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users from a real directory (Debian's slapd on loopback, ear/src/test/ldap): a stock Liberty with
 * Relaycast installed without demo users and the LDAP fragment of docs/operations.md in its own
 * server.xml. A company group grants the broadcaster role (BROADCASTER_GROUPS); readiness names the
 * roles nobody in that directory can have.
 */
class LdapIT {

    private static final int LDAP_PORT = 13389;
    private static final String BASE = "http://localhost:19283";
    private static Path ldapDir;

    /** docs/operations.md, "Users from LDAP": the XML block as written, pointed at this test's slapd. */
    static String documentedFragment() throws Exception {
        String doc = Files.readString(StockLiberty.REPO.resolve("docs/operations.md"));
        String section = doc.substring(doc.indexOf("### Users from LDAP"));
        String xml = section.substring(section.indexOf("```xml") + 6, section.indexOf("```", section.indexOf("```xml") + 6));
        String pointed = xml.replace("host=\"ldap.example.com\" port=\"636\" sslEnabled=\"true\"",
                "host=\"127.0.0.1\" port=\"" + LDAP_PORT + "\" sslEnabled=\"false\"");
        assertTrue(!pointed.equals(xml), "the documented fragment names ldap.example.com:636");
        return pointed;
    }

    @BeforeAll
    static void directoryAndServer() throws Exception {
        ldapDir = Path.of("target", "ldap").toAbsolutePath();
        StockLiberty.Result slapd = StockLiberty.run(Duration.ofMinutes(1),
                Path.of("src/test/ldap/start-slapd.sh").toAbsolutePath().toString(), ldapDir.toString(),
                Integer.toString(LDAP_PORT));
        if (slapd.exit() == 3 && !"true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_LDAP"))) {
            org.junit.jupiter.api.Assumptions.abort(slapd.output());
        }
        slapd.expectSuccess();
        StockLiberty.create("rc-ldap", 19283, 19646, documentedFragment());
        Files.writeString(StockLiberty.serverDir("rc-ldap").resolve("server.env"),
                "LDAP_BIND_PASSWORD=relaycast-bind\nBROADCASTER_GROUPS=av-team\n");
        StockLiberty.install("rc-ldap").expectSuccess();
        StockLiberty.server("start", "rc-ldap", "--clean");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            StockLiberty.server("stop", "rc-ldap");
        } finally {
            Path pid = ldapDir.resolve("slapd.pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    @Test
    void directoryUsersSignInWithTheRolesTheirCompanyGroupsGrant() throws Exception {
        Api.Reply ready = StockLiberty.awaitReady(BASE);
        assertEquals(200, ready.status(), ready.body());

        JsonObject lena = Api.sendTo(BASE, "POST", "/api/session", null, "lena:lena-ldap", "application/json")
                .expect(200).json();
        assertEquals("lena", lena.getString("userId"));
        assertEquals("[\"broadcaster\"]", lena.getJsonArray("roles").toString());
        Api.sendTo(BASE, "POST", "/api/livestream/create", "{\"title\":\"From the directory\"}", "lena:lena-ldap",
                "application/json").expect(201);

        JsonObject omar = Api.sendTo(BASE, "POST", "/api/session", null, "omar:omar-ldap", "application/json")
                .expect(200).json();
        assertEquals("[]", omar.getJsonArray("roles").toString());
        Api.sendTo(BASE, "POST", "/api/livestream/create", "{\"title\":\"Not staff\"}", "omar:omar-ldap",
                "application/json").expectProblem(403);

        assertEquals(401, Api.sendTo(BASE, "POST", "/api/session", null, "lena:wrong", "application/json").status());
        assertEquals(401, Api.sendTo(BASE, "POST", "/api/session", null, Api.ALICE, "application/json").status(),
                "no demo users beside the directory");
    }

    @Test
    void readinessNamesTheRolesThatNoDirectoryGroupCanGive() throws Exception {
        Api.Reply ready = StockLiberty.awaitReady(BASE);
        assertEquals(200, ready.status(), ready.body());
        JsonObject users = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("users")).findFirst().orElseThrow();
        assertEquals("admin,moderator", users.getJsonObject("data").getString("rolesNobodyHas"), users.toString());
    }
}
