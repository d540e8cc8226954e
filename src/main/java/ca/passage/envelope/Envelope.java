package ca.passage.envelope;

import ca.passage.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Builds and reads the exchange envelope:
 * {@code <env:Message><env:Header Id=..>..</env:Header><env:Payload Id=..>partner XML</env:Payload></env:Message>}.
 * The Header and Payload carry {@code Id} attributes so the signature can reference exactly them.
 */
public final class Envelope {

    public static final String NS = "urn:ca:passage:envelope:1";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private Envelope() {
    }

    public static Document build(EnvelopeHeader h, byte[] payloadXml) {
        Document payload;
        try {
            payload = SecureXml.parse(payloadXml);
        } catch (SAXException e) {
            throw new EnvelopeException("payload is not well-formed XML: " + e.getMessage());
        }
        Document doc = SecureXml.documentBuilder().newDocument();
        Element message = doc.createElementNS(NS, "env:Message");
        // Declared explicitly: serialisers that do no namespace fix-up (as signing does) must still see it.
        message.setAttributeNS(XMLNS, "xmlns:env", NS);
        doc.appendChild(message);
        Element header = child(doc, message, "Header");
        header.setAttributeNS(null, "Id", "h-" + UUID.randomUUID());
        header.setIdAttributeNS(null, "Id", true);
        text(doc, header, "MessageId", h.messageId());
        text(doc, header, "ConversationId", h.conversationId());
        if (h.refToMessageId() != null) {
            text(doc, header, "RefToMessageId", h.refToMessageId());
        }
        text(doc, header, "From", h.from());
        text(doc, header, "To", h.to());
        text(doc, header, "Service", h.service());
        text(doc, header, "Action", h.action());
        text(doc, header, "Timestamp", h.timestamp().toString());
        text(doc, header, "HandlingCode", h.handlingCode());
        text(doc, header, "PayloadFormat", h.payloadFormat());
        Element body = child(doc, message, "Payload");
        body.setAttributeNS(null, "Id", "p-" + UUID.randomUUID());
        body.setIdAttributeNS(null, "Id", true);
        body.appendChild(doc.importNode(payload.getDocumentElement(), true));
        return doc;
    }

    public static EnvelopeHeader readHeader(Document doc) {
        Element header = header(doc);
        try {
            return new EnvelopeHeader(
                    required(header, "MessageId"), required(header, "ConversationId"),
                    optional(header, "RefToMessageId"), required(header, "From"), required(header, "To"),
                    required(header, "Service"), required(header, "Action"),
                    Instant.parse(required(header, "Timestamp")), required(header, "HandlingCode"),
                    required(header, "PayloadFormat"));
        } catch (DateTimeParseException e) {
            throw new EnvelopeException("header Timestamp is not an ISO-8601 instant");
        }
    }

    public static Element header(Document doc) {
        return onlyChild(root(doc), "Header");
    }

    public static Element payload(Document doc) {
        return onlyChild(root(doc), "Payload");
    }

    /** The single partner-format element inside the Payload. */
    public static Element payloadContent(Document doc) {
        Element payload = payload(doc);
        Element found = null;
        for (Node n = payload.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (found != null) {
                    throw new EnvelopeException("Payload must hold exactly one element");
                }
                found = (Element) n;
            }
        }
        if (found == null) {
            throw new EnvelopeException("Payload is empty");
        }
        return found;
    }

    private static Element root(Document doc) {
        Element root = doc.getDocumentElement();
        if (root == null || !NS.equals(root.getNamespaceURI()) || !"Message".equals(root.getLocalName())) {
            throw new EnvelopeException("not a Passage envelope (expected {" + NS + "}Message)");
        }
        return root;
    }

    private static Element onlyChild(Element parent, String localName) {
        Element found = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                if (found != null) {
                    throw new EnvelopeException("envelope has more than one " + localName);
                }
                found = e;
            }
        }
        if (found == null) {
            throw new EnvelopeException("envelope has no " + localName);
        }
        return found;
    }

    private static Element child(Document doc, Element parent, String localName) {
        Element e = doc.createElementNS(NS, "env:" + localName);
        parent.appendChild(e);
        return e;
    }

    private static void text(Document doc, Element parent, String localName, String value) {
        child(doc, parent, localName).setTextContent(value);
    }

    private static String optional(Element header, String localName) {
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static String required(Element header, String localName) {
        String v = optional(header, localName);
        if (v == null || v.isEmpty()) {
            throw new EnvelopeException("header " + localName + " is missing");
        }
        return v;
    }
}
