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
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/nowhere")).GET());
        assertProblem(r, 404, "/api/v1/nowhere");
    }

    @Test
    void anUnknownPathOnTheManagementPortIsA404Problem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + running.managementPort + "/observe/nowhere")).GET());
        assertProblem(r, 404, "/observe/nowhere");
    }

    @Test
    void aMethodThePathDoesNotTakeIsA405Problem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/notices"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(r, 405, "PATCH");
    }

    @Test
    void aBodyOverTheServersLimitIsA413Problem() throws Exception {
        byte[] huge = new byte[64 * 1024 * 1024];
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/notices"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        assertProblem(r, 413, "limit");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.header("X-Passage-User", "test").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String mention) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + status).contains(mention).doesNotContain("Exception");
    }
}
