package io.relaycast.application.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">} with the
 * key that follows {@code whsec_} in the secret (base64).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] sig = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
