package ca.passage.console;

import org.apache.camel.Body;
import org.apache.camel.Headers;

import java.util.Map;

/**
 * Turns a {@link ConsolePage} into the HTTP answer's headers and body: status, content type, the security
 * headers, and a redirect's location, a cookie or a download's file name where the page has one. The request's
 * own headers are removed first, so none is echoed back.
 */
public final class ConsoleAnswers {

    public byte[] answer(@Body ConsolePage page, @Headers Map<String, Object> headers) {
        headers.keySet().removeIf(k -> !k.startsWith("Camel"));
        headers.put("CamelHttpResponseCode", page.status());
        headers.put("Content-Type", page.contentType());
        headers.putAll(ConsolePage.SECURITY_HEADERS);
        if (page.location() != null) {
            headers.put("Location", page.location());
        }
        if (page.setCookie() != null) {
            headers.put("Set-Cookie", page.setCookie());
        }
        if (page.fileName() != null) {
            headers.put("Content-Disposition", "attachment; filename=\"" + page.fileName() + "\"");
        }
        return page.body();
    }
}
