package ca.passage.channel;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A partner's answer is read with a size limit, whether it declares its length or streams it in chunks. */
class BoundedBodyTest {

    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", http -> {
            int size = Integer.parseInt(http.getRequestURI().getQuery().replaceAll("\\D", ""));
            boolean chunked = http.getRequestURI().getQuery().startsWith("chunked");
            http.sendResponseHeaders(200, chunked ? 0 : size);
            try (OutputStream out = http.getResponseBody()) {
                out.write(new byte[size]);
            } catch (java.io.IOException clientWentAway) {
                // the reader stopped at its limit
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAnswerWithinTheLimitIsReadWhole() throws Exception {
        assertThat(BoundedBody.read(get("declared=1024"), 1024)).hasSize(1024);
        assertThat(BoundedBody.read(get("chunked=1024"), 1024)).hasSize(1024);
    }

    @Test
    void anAnswerOverTheLimitIsRefusedWhetherDeclaredOrStreamed() {
        assertThatThrownBy(() -> BoundedBody.read(get("declared=4096"), 1024))
                .isInstanceOf(BoundedBody.AnswerTooLargeException.class).hasMessageContaining("limit is 1024");
        assertThatThrownBy(() -> BoundedBody.read(get("chunked=3000000"), 1024))
                .isInstanceOf(BoundedBody.AnswerTooLargeException.class).hasMessageContaining("over 1024 bytes");
    }

    private HttpResponse<java.io.InputStream> get(String query) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/?" + query)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
