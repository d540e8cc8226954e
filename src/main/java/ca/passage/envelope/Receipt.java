package ca.passage.envelope;

import ca.passage.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;


/**
 * A partner's receipt: it names the message it answers and the SHA-256 of the exact bytes it received, so that
 * receipt of those bytes cannot later be denied.
 */
public record Receipt(EnvelopeHeader header, String receivedDigest, String status) {

    public static final String FORMAT = "receipt/1";
    /** The one Status of a receipt that acknowledges the message. */
    public static final String RECEIVED = "RECEIVED";

    /** The receipt element that goes inside the receipt envelope's Payload. */
    public static byte[] payload(String receivedDigest, String status) {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element r = doc.createElementNS(Envelope.NS, "env:Receipt");
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:env", Envelope.NS);
        doc.appendChild(r);
        Element d = doc.createElementNS(Envelope.NS, "env:ReceivedDigest");
        d.setAttributeNS(null, "algorithm", "SHA-256");
        d.setTextContent(receivedDigest);
        r.appendChild(d);
        Element s = doc.createElementNS(Envelope.NS, "env:Status");
        s.setTextContent(status);
        r.appendChild(s);
        return SecureXml.toBytes(doc);
    }

    public static Receipt read(Document envelope) {
        EnvelopeHeader header = Envelope.readHeader(envelope);
        if (!EnvelopeHeader.ACTION_RECEIPT.equals(header.action())) {
            throw new EnvelopeException("expected a Receipt, got action " + header.action());
        }
        if (header.refToMessageId() == null) {
            throw new EnvelopeException("receipt has no RefToMessageId");
        }
        Element content = Envelope.payloadContent(envelope);
        if (!"Receipt".equals(content.getLocalName())) {
            throw new EnvelopeException("receipt payload is not a Receipt element");
        }
        String digest = childText(content, "ReceivedDigest");
        String status = childText(content, "Status");
        return new Receipt(header, digest, status);
    }

    private static String childText(Element parent, String localName) {
        var list = parent.getElementsByTagNameNS(Envelope.NS, localName);
        if (list.getLength() != 1) {
            throw new EnvelopeException("receipt needs exactly one " + localName);
        }
        return list.item(0).getTextContent().trim();
    }

}
