package ca.passage.translate;

/**
 * A notice that cannot be put into (or read from) a partner's format: a colour's required content is missing, a
 * code has no equivalent in the partner's code list, or the partner's XML is invalid. The message names what is
 * wrong (value, code list, partner) but never carries personal data beyond the offending code.
 */
public class TranslationException extends RuntimeException {

    private final String partnerId;

    public TranslationException(String partnerId, String message) {
        super("partner " + partnerId + ": " + message);
        this.partnerId = partnerId;
    }

    public String partnerId() {
        return partnerId;
    }
}
