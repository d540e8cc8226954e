package ca.passage.console;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection for the console's forms. The browser authenticates with its client
 * certificate on every request, so another site could make it post: each form carries a token that only a page
 * of this gateway could have given it, the HMAC of the authenticated user's id under a key made at start-up
 * (a restart invalidates open forms; several nodes each check their own). Checked on every state-changing POST,
 * together with the Origin and Sec-Fetch-Site headers a browser sends.
 */
public final class Csrf {

    public static final String FIELD = "csrf";
    private final byte[] key = new byte[32];

    public Csrf() {
        new SecureRandom().nextBytes(key);
    }

    public String tokenFor(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Null when the request may change state; otherwise why not. */
    public String refusal(String user, String token, String origin, String fetchSite, String host) {
        if (token == null || !MessageDigest.isEqual(tokenFor(user).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return "the form's security token is missing or not this user's; reload the page and try again";
        }
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return "the request came from another site (Sec-Fetch-Site: " + fetchSite + ")";
        }
        if (origin != null && (host == null || !origin.equals("https://" + host))) {
            return "the request came from another origin";
        }
        return null;
    }
}
