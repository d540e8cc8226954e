package ca.passage.inbound;

/**
 * What the inbound endpoint answers a partner (a signed receipt, or an error signal), and, for an accepted
 * notice, the Canadian-format document handed to the domestic side.
 */
public record InboundAnswer(int status, String contentType, byte[] body, byte[] domesticNotice, String domesticName) {

    public boolean hasDomesticNotice() {
        return domesticNotice != null;
    }

    static InboundAnswer xml(int status, byte[] body) {
        return new InboundAnswer(status, "application/xml", body, null, null);
    }
}
