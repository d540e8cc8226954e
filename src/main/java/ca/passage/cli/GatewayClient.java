package ca.passage.cli;

import ca.passage.access.Tls;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** The CLI's way to a running gateway: its REST API over HTTPS with the caller's credential, like any other client. */
final class GatewayClient {

    record Answer(int status, String body) {
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String bearer;

    GatewayClient(GatewayConnection c) {
        this.baseUrl = c.url.endsWith("/") ? c.url.substring(0, c.url.length() - 1) : c.url;
        if ((c.cert == null) != (c.key == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        if (!Files.isRegularFile(c.ca)) {
            throw new IllegalArgumentException("no CA certificate " + c.ca + " (--ca): the gateway's TLS certificate "
                    + "cannot be checked without it");
        }
        SSLContext ctx = Tls.context(c.cert == null ? null : Tls.keyManager(c.cert, c.key),
                Tls.trusting(List.of(Tls.certificate(c.ca))));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).sslContext(ctx)
                .sslParameters(Tls.parameters(ctx, false)).build();
        this.bearer = token(c);
        if (c.cert == null && bearer == null) {
            throw new IllegalArgumentException("a credential is required: --cert/--key, --token-file, or "
                    + GatewayConnection.TOKEN_ENV);
        }
    }

    private static String token(GatewayConnection c) {
        try {
            if (c.tokenFile != null) {
                return Files.readString(c.tokenFile, StandardCharsets.US_ASCII).trim();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --token-file " + c.tokenFile);
        }
        String env = System.getenv(GatewayConnection.TOKEN_ENV);
        return env == null || env.isBlank() ? null : env.trim();
    }

    Answer post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (ConnectException e) {
            throw new IllegalStateException("no gateway answers at " + baseUrl + " (start it with ./passage run)");
        } catch (IOException e) {
            throw new IllegalStateException("gateway at " + baseUrl + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
