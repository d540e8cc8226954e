package ca.passage.as4;

import java.util.List;

/** A partner's answer to one of our UserMessages: a verified receipt or an ebMS error. */
public sealed interface As4Signal {
    String refToMessageId();

    /** A signed receipt whose NonRepudiationInformation matched every reference we signed. */
    record Receipt(String messageId, String refToMessageId, List<As4Reference> references) implements As4Signal {
        public Receipt {
            references = List.copyOf(references);
        }
    }

    /** An ebMS Error signal; {@code code} is the first error's code. */
    record Error(String refToMessageId, EbmsErrorCode code, String reportedCode, String severity, String description)
            implements As4Signal {
    }
}
