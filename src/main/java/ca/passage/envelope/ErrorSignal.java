package ca.passage.envelope;

import ca.passage.as4.EbmsErrorCode;
import ca.passage.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The answer to a message Passage refuses: code, severity, category and the id of the message in error. It names
 * codes and ids only; the detail never repeats the refused content. The codes are ebMS 3's, the same the AS4
 * channel uses ({@link EbmsErrorCode}), the vocabulary partners' systems already know.
 */
public record ErrorSignal(EbmsErrorCode error, String refToMessageId, String detail) {

    public byte[] toXml() {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element e = doc.createElementNS(Envelope.NS, "env:Error");
        e.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:env", Envelope.NS);
        e.setAttributeNS(null, "code", error.code());
        e.setAttributeNS(null, "severity", "failure");
        e.setAttributeNS(null, "category", error.category());
        if (refToMessageId != null) {
            e.setAttributeNS(null, "refToMessageId", refToMessageId);
        }
        doc.appendChild(e);
        Element shortDescription = doc.createElementNS(Envelope.NS, "env:ShortDescription");
        shortDescription.setTextContent(error.shortDescription());
        e.appendChild(shortDescription);
        Element d = doc.createElementNS(Envelope.NS, "env:Detail");
        d.setTextContent(detail);
        e.appendChild(d);
        return SecureXml.toBytes(doc);
    }
}
