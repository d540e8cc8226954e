package ca.passage.partner;

/** A partner profile that cannot be used; the message names the file and the field. */
public class PartnerProfileException extends RuntimeException {
    public PartnerProfileException(String message) {
        super(message);
    }
}
