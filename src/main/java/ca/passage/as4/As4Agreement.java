package ca.passage.as4;

/**
 * What two access points agreed for one direction of a one-way push exchange, like an AS4 P-Mode: the parties and
 * their roles, the service and action, the agreement reference, and the WS-Security algorithm set.
 *
 * @param pmodeId         the P-Mode id the partner knows the agreement by (sent as {@code AgreementRef/@pmode}), optional
 * @param initiator       the sender (From)
 * @param responder       the receiver (To)
 * @param service         the service value
 * @param serviceType     the service type, optional
 * @param action          the action
 * @param agreementRef    the agreement reference
 * @param cryptoVariant   signature and encryption algorithms
 */
public record As4Agreement(String pmodeId, As4Party initiator, As4Party responder, String service, String serviceType,
                           String action, String agreementRef, As4CryptoVariant cryptoVariant) {
    public As4Agreement {
        if (initiator == null || responder == null) {
            throw new IllegalArgumentException("initiator and responder are required");
        }
        As4Party.requireText(service, "service");
        As4Party.requireText(action, "action");
        As4Party.requireText(agreementRef, "agreement reference");
        if (cryptoVariant == null) {
            throw new IllegalArgumentException("crypto variant is required");
        }
    }

    /** The same agreement seen from the other side (the responder sends back). */
    public As4Agreement reversed() {
        return new As4Agreement(pmodeId, responder, initiator, service, serviceType, action, agreementRef, cryptoVariant);
    }
}
