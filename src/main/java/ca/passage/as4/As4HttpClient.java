package ca.passage.as4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts an AS4 packet to a partner's access point and returns its synchronous answer (receipt or error). */
public final class As4HttpClient {
    private final java.util.function.Function<URI, HttpClient> clients;
    private final Duration requestTimeout;

    /** A plain client (tests and loopback peers without transport security). */
    public As4HttpClient(Duration connectTimeout, Duration requestTimeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.clients = endpoint -> client;
        this.requestTimeout = requestTimeout;
    }

    /** The client for each endpoint comes from the caller: the gateway's mutual-TLS transport to its partners. */
    public As4HttpClient(java.util.function.Function<URI, HttpClient> clients, Duration requestTimeout) {
        this.clients = clients;
        this.requestTimeout = requestTimeout;
    }

    /**
     * @throws IOException when the partner cannot be reached or answers neither 2xx nor an ebMS error
     */
    public As4Packet post(URI endpoint, As4Packet packet) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", packet.contentType())
                .header("MIME-Version", "1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(packet.body()))
                .build();
        HttpResponse<byte[]> response = clients.apply(endpoint).send(request, HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean soap = type.startsWith("application/soap+xml") || type.startsWith("multipart/related");
        if (response.body().length > 0 && soap && (response.statusCode() / 100 == 2 || response.statusCode() / 100 == 5
                || response.statusCode() / 100 == 4)) {
            return new As4Packet(type, response.body());
        }
        throw new IOException("partner answered HTTP " + response.statusCode()
                + (response.body().length == 0 ? " without a signal" : " with " + type));
    }
}
