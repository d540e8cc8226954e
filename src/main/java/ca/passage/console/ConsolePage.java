package ca.passage.console;

import java.nio.charset.StandardCharsets;

/**
 * One console answer as data: status, content type and body, and where a POST redirects ({@code location}), a
 * cookie to set, and a download's file name. {@code routes/console.camel.yaml} turns it into the HTTP answer.
 */
public record ConsolePage(int status, String contentType, byte[] body, String location, String setCookie,
                          String fileName) {

    public static final String HTML = "text/html; charset=utf-8";

    public static ConsolePage html(int status, String html) {
        return new ConsolePage(status, HTML, html.getBytes(StandardCharsets.UTF_8), null, null, null);
    }

    /** 303 See Other: after a POST the browser loads {@code location} with GET. */
    public static ConsolePage redirect(String location) {
        return new ConsolePage(303, HTML, new byte[0], location, null, null);
    }

    public ConsolePage withCookie(String cookie) {
        return new ConsolePage(status, contentType, body, location, cookie, fileName);
    }

    /** The security headers every console answer carries: no framing, no inline script, caching is refused by the listener (HttpsListeners). */
    public static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY",
            "Strict-Transport-Security", "max-age=31536000");
}
