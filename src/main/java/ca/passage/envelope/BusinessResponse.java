package ca.passage.envelope;

import ca.passage.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The second level of acknowledgement: the partner (or the Canadian domestic side) accepted or rejected the
 * notice itself, with an error code and text on rejection.
 */
public record BusinessResponse(String status, String errorCode, String description) {

    public static final String ACTION = "Response";
    public static final String FORMAT = "business-response/1";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public boolean rejected() {
        return REJECTED.equals(status);
    }

    public byte[] payload() {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element r = doc.createElementNS(Envelope.NS, "env:BusinessResponse");
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:env", Envelope.NS);
        doc.appendChild(r);
        add(doc, r, "Status", status);
        if (errorCode != null) {
            add(doc, r, "ErrorCode", errorCode);
        }
        if (description != null) {
            add(doc, r, "Description", description);
        }
        return SecureXml.toBytes(doc);
    }

    public static BusinessResponse read(Document envelope) {
        Element content = Envelope.payloadContent(envelope);
        if (!"BusinessResponse".equals(content.getLocalName()) || !Envelope.NS.equals(content.getNamespaceURI())) {
            throw new EnvelopeException("payload is not a BusinessResponse");
        }
        String status = text(content, "Status");
        if (!ACCEPTED.equals(status) && !REJECTED.equals(status)) {
            throw new EnvelopeException("BusinessResponse Status must be ACCEPTED or REJECTED");
        }
        return new BusinessResponse(status, text(content, "ErrorCode"), text(content, "Description"));
    }

    private static void add(Document doc, Element parent, String name, String value) {
        Element e = doc.createElementNS(Envelope.NS, "env:" + name);
        e.setTextContent(value);
        parent.appendChild(e);
    }

    private static String text(Element parent, String name) {
        var list = parent.getElementsByTagNameNS(Envelope.NS, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().trim();
    }
}
