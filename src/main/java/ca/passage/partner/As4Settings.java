package ca.passage.partner;

/**
 * The P-Mode-like part of an {@code as4} channel: who is who in the ebMS header and under which service, action
 * and agreement the notices travel, and which eDelivery AS4 algorithm set secures them. The partner's Domibus (or
 * other access point) administrator configures the mirror image of these values.
 *
 * @param partnerPartyId the partner's PartyId (To when we send, From when it sends)
 * @param ourPartyId     our PartyId
 * @param partyIdType    the PartyId type of both parties, e.g. {@code urn:oasis:names:tc:ebcore:partyid-type:unregistered}
 * @param initiatorRole  the role of the sending party
 * @param responderRole  the role of the receiving party
 * @param service        the service value
 * @param serviceType    the service type (may be null)
 * @param action         the action
 * @param agreementRef   the agreement reference (AgreementRef)
 * @param pmodeId        the P-Mode id sent as {@code AgreementRef/@pmode} (may be null)
 * @param cryptoVariant  {@code as4-1.x-rsa} or {@code as4-2.0-eddsa}
 */
public record As4Settings(String partnerPartyId, String ourPartyId, String partyIdType, String initiatorRole,
                          String responderRole, String service, String serviceType, String action,
                          String agreementRef, String pmodeId, String cryptoVariant) {
}
