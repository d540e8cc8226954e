package ca.passage.partner;

import ca.passage.notice.HandlingCode;

/**
 * Whether a message received from one partner may be passed on to another partner. The sender's handling code
 * travels inside its signed message; Passage honours it:
 * <ul>
 * <li>back to the sender itself: always allowed (not a third partner);</li>
 * <li>H2 (not to be passed on without permission): refused, always — permission would come as a new message;</li>
 * <li>H3 (other restrictions, free text): refused — a person must read the restriction first;</li>
 * <li>the agreement with the sender restricts onward transfer (PROHIBITED, or WITH_CONSENT since Passage records
 *     no consent): refused;</li>
 * <li>otherwise (H0/H1 and onward transfer ALLOWED): allowed.</li>
 * </ul>
 */
public final class OnwardTransferCheck {

    private OnwardTransferCheck() {
    }

    /** The decision, with a reason that names codes and partner ids only. */
    public record Decision(boolean allowed, String reason) {
    }

    public static Decision check(HandlingCode inboundCode, PartnerProfile sender, String targetPartnerId) {
        if (sender.id().equals(targetPartnerId)) {
            return new Decision(true, "reply to the sender " + sender.id());
        }
        if (inboundCode == HandlingCode.H2) {
            return new Decision(false, "message from " + sender.id() + " has handling code H2 (not to be passed on"
                    + " without permission): forwarding to " + targetPartnerId + " is refused");
        }
        if (inboundCode == HandlingCode.H3) {
            return new Decision(false, "message from " + sender.id() + " has handling code H3 (restrictions in"
                    + " free text): forwarding to " + targetPartnerId + " is refused until a person reviews it");
        }
        OnwardTransfer ot = sender.agreement().onwardTransfer();
        if (ot != OnwardTransfer.ALLOWED) {
            return new Decision(false, "agreement " + sender.agreement().reference() + " with " + sender.id()
                    + " sets onward transfer " + ot + ": forwarding to " + targetPartnerId + " is refused");
        }
        return new Decision(true, inboundCode + " and onward transfer ALLOWED by agreement "
                + sender.agreement().reference());
    }

    /** Same check, throwing {@link SharingPolicyException} (message names codes and ids) when refused. */
    public static void require(HandlingCode inboundCode, PartnerProfile sender, String targetPartnerId) {
        Decision d = check(inboundCode, sender, targetPartnerId);
        if (!d.allowed()) {
            throw new SharingPolicyException(sender.id(), d.reason());
        }
    }
}
