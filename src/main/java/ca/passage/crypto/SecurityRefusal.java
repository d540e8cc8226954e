package ca.passage.crypto;

import java.util.Objects;

/**
 * A message (inbound or outbound) was refused for a security reason. The message never contains
 * payload content or personal data: only codes, element names, algorithm URIs, ids and fingerprints.
 */
public final class SecurityRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RefusalCode code;

    public SecurityRefusal(RefusalCode code, String message) {
        super(code + ": " + message);
        this.code = Objects.requireNonNull(code);
    }

    public SecurityRefusal(RefusalCode code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = Objects.requireNonNull(code);
    }

    public RefusalCode code() {
        return code;
    }
}
