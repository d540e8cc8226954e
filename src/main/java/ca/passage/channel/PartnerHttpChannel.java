package ca.passage.channel;

import ca.passage.access.PartnerTransport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a sealed message to a partner's endpoint over mutual TLS (the gateway's client certificate, the partner's
 * pinned certificate, see {@link PartnerTransport}) and returns the partner's synchronous answer.
 */
public final class PartnerHttpChannel {

    private final PartnerTransport transport;
    private final Duration requestTimeout;
    private final long maxAnswerBytes;

    /** @param maxAnswerBytes the largest answer read from a partner (the policy's message size limit) */
    public PartnerHttpChannel(PartnerTransport transport, Duration requestTimeout, long maxAnswerBytes) {
        this.transport = transport;
        this.requestTimeout = requestTimeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    public byte[] post(URI endpoint, byte[] message) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message))
                .build();
        try {
            HttpResponse<java.io.InputStream> response = transport.clientFor(endpoint).send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                response.body().close();
                throw new DeliveryException("partner answered HTTP " + response.statusCode());
            }
            return BoundedBody.read(response, maxAnswerBytes);
        } catch (BoundedBody.AnswerTooLargeException e) {
            throw new DeliveryException(e.getMessage());
        } catch (IOException e) {
            throw new DeliveryException("partner unreachable at " + endpoint + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("delivery interrupted");
        }
    }
}
