package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Credentials at the API: malformed ones are a 401 problem, guessing is slowed down (429). */
class SignInLimitsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> withAuthorization(String method, String path, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformedBasicCredentialsAreA401ProblemEverywhere() throws Exception {
        for (String header : List.of("Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes()),
                "Basic !!!", "Basic ", "basic " + java.util.Base64.getEncoder().encodeToString(":nouser".getBytes()))) {
            for (String path : List.of("/api/livestream/active", "/api/session", "/", "/ws/livestream/x")) {
                HttpResponse<String> r = withAuthorization("GET", path, header);
                assertEquals(401, r.statusCode(), header + " on " + path + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(!r.body().contains("Exception"), r.body());
            }
        }
    }

    @Test
    void passwordGuessingIsLimitedPerUser() throws Exception {
        String user = "mallory" + System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = withAuthorization("POST", "/api/session", WebSocketEdgeIT.basic(user + ":guess" + i));
            statuses.add(last.statusCode());
        }
        assertEquals(401, statuses.get(0));
        assertEquals(429, last.statusCode(), "statuses: " + statuses);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertTrue(last.body().contains("\"status\":429"), last.body());
        // other users are not affected
        assertEquals(200, withAuthorization("POST", "/api/session", WebSocketEdgeIT.basic("carol:carol-demo")).statusCode());
    }

    private static HttpResponse<String> signInFrom(String address, String credentials) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/session"))
                .header("Authorization", WebSocketEdgeIT.basic(credentials)).header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Issue 24, point 8: the guesser is slowed down, the victim is not locked out of their account. */
    @Test
    void guessingSlowsTheGuessersAddressNotTheVictim() throws Exception {
        String attacker = "203.0.113." + (System.nanoTime() % 200 + 1);
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = signInFrom(attacker, "bob:guess" + i);
        }
        assertEquals(429, last.statusCode(), "the guesser is held back");
        assertEquals(429, signInFrom(attacker, "bob:bob-demo").statusCode(), "even with the right password, from there");
        assertEquals(200, signInFrom("198.51.100.23", "bob:bob-demo").statusCode(), "bob signs in from his own address");
        assertEquals(200, withAuthorization("POST", "/api/session", WebSocketEdgeIT.basic("bob:bob-demo")).statusCode());
    }
}
