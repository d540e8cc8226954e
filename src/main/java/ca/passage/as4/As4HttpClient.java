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
        this.maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
    }

    /** The client for each endpoint comes from the caller: the gateway's mutual-TLS transport to its partners. */
    public As4HttpClient(java.util.function.Function<URI, HttpClient> clients, Duration requestTimeout) {
        this(clients, requestTimeout, DEFAULT_MAX_ANSWER_BYTES);
    }

    /** @param maxAnswerBytes the largest signal read from a partner (the gateway passes its message size limit) */
    public As4HttpClient(java.util.function.Function<URI, HttpClient> clients, Duration requestTimeout,
                         long maxAnswerBytes) {
        this.clients = clients;
        this.requestTimeout = requestTimeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** For callers without a policy (the partner simulator, tests): the default policy's message size limit. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 5L * 1024 * 1024;
    private final long maxAnswerBytes;

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
        HttpResponse<java.io.InputStream> response = clients.apply(endpoint).send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] body = ca.passage.channel.BoundedBody.read(response, maxAnswerBytes);
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean soap = type.startsWith("application/soap+xml") || type.startsWith("multipart/related");
        if (body.length > 0 && soap && (response.statusCode() / 100 == 2 || response.statusCode() / 100 == 5
                || response.statusCode() / 100 == 4)) {
            return new As4Packet(type, body);
        }
        throw new IOException("partner answered HTTP " + response.statusCode()
                + (body.length == 0 ? " without a signal" : " with " + type));
    }
}
