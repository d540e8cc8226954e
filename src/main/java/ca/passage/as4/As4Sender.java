package ca.passage.as4;

import java.io.IOException;
import java.net.URI;

/**
 * The sending side of one push: seal, post, and read the partner's synchronous answer. A retry must send the same
 * {@link As4UserMessage} (same MessageId) so the partner's duplicate detection recognises it.
 */
public final class As4Sender {
    private final As4Codec codec;
    private final As4HttpClient http;

    public As4Sender(As4Codec codec, As4HttpClient http) {
        this.codec = codec;
        this.http = http;
    }

    /**
     * @return the verified receipt, or the partner's ebMS error
     * @throws As4Exception {@code INVALID_RECEIPT} when the answer does not verify or does not match what we signed
     * @throws IOException  when the partner cannot be reached or gives no ebMS answer (worth retrying)
     */
    public As4Signal send(As4UserMessage message, As4Agreement agreement, As4Keys keys, URI endpoint)
            throws IOException, InterruptedException {
        SealedUserMessage sealed = codec.seal(message, keys, agreement.cryptoVariant());
        As4Packet answer = http.post(endpoint, sealed.packet());
        return codec.readSignal(answer, sealed, keys, agreement.cryptoVariant());
    }
}
