package ca.passage.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/**
 * A partner's answer read with a size limit: a partner (or whoever answers at its address) cannot make the gateway
 * hold an unbounded body in memory. The limit is the policy's message size limit, the same as for inbound messages.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The whole body, at most {@code maxBytes}; closes the stream either way. */
    public static byte[] read(HttpResponse<InputStream> response, long maxBytes) throws IOException {
        try (InputStream in = response.body()) {
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw new AnswerTooLargeException(declared, maxBytes);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new AnswerTooLargeException(body.length, maxBytes);
            }
            return body;
        }
    }

    /** The answer is larger than the limit; nothing of it is kept. */
    public static final class AnswerTooLargeException extends IOException {
        AnswerTooLargeException(long size, long maxBytes) {
            super("the partner's answer is " + (size > maxBytes + 1 ? size + " bytes" : "over " + maxBytes + " bytes")
                    + "; the limit is " + maxBytes);
        }
    }
}
