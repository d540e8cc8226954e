package ca.passage.partner;

/**
 * The sharing policy refuses to send a notice to a partner at all (e.g. the notice is more restrictive than the
 * agreement's maximum handling code). The message names notice id, partner and rule, never personal data.
 */
public class SharingPolicyException extends RuntimeException {

    private final String partnerId;

    public SharingPolicyException(String partnerId, String message) {
        super("partner " + partnerId + ": " + message);
        this.partnerId = partnerId;
    }

    public String partnerId() {
        return partnerId;
    }
}
