package ca.passage.api;

import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors the HTTP layer answers before any route runs are problem+json too, on both ports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpLayerErrorsTest {

    private RunningGateway running;
    private HttpClient officer;
    private final HttpClient plain = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
        officer = running.as("officer1");
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void anUnknownPathOnThePartnersListenerIsA404Problem() throws Exception {
        HttpResponse<String> r = running.sim("us-hsi").httpClient().send(HttpRequest.newBuilder(
                URI.create(running.inbound().resolve("/exchange/v1/nowhere").toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 404, "/exchange/v1/inbound");
    }

    @Test
    void anUnknownPathOnTheOfficersListenerIsRefusedAsAProblemByTheRoleTable() throws Exception {
        HttpResponse<String> r = officer.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/nowhere"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 403, "GET");
    }

    @Test
    void anUnknownPathOnTheManagementPortIsA404Problem() throws Exception {
        HttpResponse<String> r = plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + running.managementPort + "/observe/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 404, "/observe/nowhere");
    }

    @Test
    void aMethodThePathDoesNotTakeIsA405Problem() throws Exception {
        HttpResponse<String> r = plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + running.managementPort + "/observe/health"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 405, "PATCH");
    }

    @Test
    void aBodyOverTheServersLimitIsA413Problem() throws Exception {
        byte[] huge = new byte[64 * 1024 * 1024];
        HttpResponse<String> r = officer.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/notices"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 413, "limit");
    }

    private static void assertProblem(HttpResponse<String> r, int status, String mention) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + status).contains(mention).doesNotContain("Exception");
    }
}
