package ca.passage.console;

import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over HTTPS as a browser would reach it, without a browser: the access gate and AccessTable decide
 * who sees which page, and a state-changing form is refused without the user's CSRF token or from another origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAccessTest {

    private RunningGateway running;

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void withoutCredentialsTheConsoleAnswers401() throws Exception {
        assertThat(get(running.anonymous(), "/console/").statusCode()).isEqualTo(401);
        assertThat(get(running.anonymous(), "/console/assets/console.css").statusCode()).isEqualTo(401);
    }

    @Test
    void eachPageNeedsTheRoleOfTheApiItUses() throws Exception {
        assertThat(get(running.as("officer1"), "/console/officer").statusCode()).isEqualTo(200);
        assertThat(get(running.as("officer1"), "/console/operator").statusCode()).isEqualTo(403);
        assertThat(get(running.as("officer1"), "/console/audit").statusCode()).isEqualTo(403);
        assertThat(get(running.as("officer1"), "/console/no-such-page").statusCode()).isEqualTo(403);
        assertThat(get(running.as("auditor1"), "/console/officer").statusCode()).isEqualTo(403);
        assertThat(get(running.as("auditor1"), "/console/audit").statusCode()).isEqualTo(200);
        assertThat(get(running.as("operator1"), "/console/operator").statusCode()).isEqualTo(200);
        assertThat(get(running.as("supervisor1"), "/console/supervisor").statusCode()).isEqualTo(200);
        assertThat(get(running.as("admin1"), "/console/statistics").statusCode()).isEqualTo(200);
        assertThat(get(running.as("admin1"), "/console/charts").statusCode()).isEqualTo(403);
        HttpResponse<String> charts = get(running.as("officer1"), "/console/charts");
        assertThat(charts.statusCode()).isEqualTo(200);
        assertThat(charts.body()).contains("id=\"chart-data\"").contains("\"perDay\"").contains("\"latency\"")
                .contains("\"refusals\"");
        assertThat(get(running.as("officer1"), "/console/assets/uPlot.iife.min.js").body()).contains("uPlot");
        assertThat(get(running.as("officer1"), "/console/assets/..%2Fpom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesCarryTheSecurityHeadersAndNameTheAuthenticatedUser() throws Exception {
        HttpResponse<String> page = get(running.as("officer1"), "/console/officer");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<strong id=\"user\">officer1</strong>");
        // A parameter named like the gate's identity header makes it ambiguous: refused, never read as a name.
        HttpResponse<String> spoofed = get(running.as("officer1"), "/console/officer?PassagePrincipal=supervisor1");
        assertThat(spoofed.statusCode()).isEqualTo(400);
        assertThat(spoofed.body()).doesNotContain("supervisor1");
    }

    @Test
    void aFormWithoutTheUsersTokenChangesNothing() throws Exception {
        String sample = Files.readString(Path.of("samples/notices/05-green-online-recruiter-warning.xml"))
                .replace("CA-2026-000105", "CA-2026-000951");
        HttpResponse<String> noToken = post(running.as("officer1"), "/console/officer/notices",
                "document=" + enc(sample), null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        String otherUsersToken = csrf(get(running.as("supervisor1"), "/console/officer").body());
        HttpResponse<String> wrongToken = post(running.as("officer1"), "/console/officer/notices",
                "csrf=" + enc(otherUsersToken) + "&document=" + enc(sample), null);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        String token = csrf(get(running.as("officer1"), "/console/officer").body());
        HttpResponse<String> crossSite = post(running.as("officer1"), "/console/officer/notices",
                "csrf=" + enc(token) + "&document=" + enc(sample), "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(running.gateway.store().findNotice("CA-2026-000951")).isEmpty();

        HttpResponse<String> good = post(running.as("officer1"), "/console/officer/notices",
                "csrf=" + enc(token) + "&document=" + enc(sample), running.baseUrl());
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(good.headers().firstValue("Location")).contains("/console/notices/CA-2026-000951?done=submitted");
        assertThat(running.gateway.store().findNotice("CA-2026-000951")).get()
                .extracting(n -> n.submittedBy()).isEqualTo("officer:officer1");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String form, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(running.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
