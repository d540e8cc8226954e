package ca.passage.as4;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import ca.passage.xml.SecureXml;

/** The SOAP 1.2 envelope and the ebMS 3 {@code Messaging} header, written and read as DOM. */
final class Ebms {
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String EBMS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
    static final String EBBP = "http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    static final String MIME_TYPE = "MimeType";
    static final String COMPRESSION_TYPE = "CompressionType";
    static final String GZIP = "application/gzip";

    private Ebms() {
    }

    /** An empty SOAP 1.2 envelope with an ebMS {@code Messaging} header (mustUnderstand, wsu:Id) and empty body. */
    static Document envelope(String messagingId) {
        DocumentBuilder builder = SecureXml.documentBuilder();
        Document doc = builder.newDocument();
        Element envelope = doc.createElementNS(SOAP12, "S12:Envelope");
        envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:S12", SOAP12);
        envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:eb", EBMS);
        envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsu", WSU);
        doc.appendChild(envelope);
        Element header = child(envelope, SOAP12, "S12:Header");
        Element messaging = child(header, EBMS, "eb:Messaging");
        messaging.setAttributeNS(SOAP12, "S12:mustUnderstand", "true");
        messaging.setAttributeNS(WSU, "wsu:Id", messagingId);
        messaging.setIdAttributeNS(WSU, "Id", true);
        child(envelope, SOAP12, "S12:Body");
        return doc;
    }

    static Element messaging(Document doc) {
        Element m = first(doc.getDocumentElement(), EBMS, "Messaging");
        if (m == null) {
            throw new As4Exception(EbmsErrorCode.INVALID_HEADER, "the SOAP header has no ebMS Messaging element");
        }
        return m;
    }

    static void writeUserMessage(Document doc, As4UserMessage m, Map<String, String> contentIdToMime, boolean compressed) {
        Element um = child(messaging(doc), EBMS, "eb:UserMessage");
        messageInfo(um, m.messageId(), m.timestamp(), m.refToMessageId());
        Element party = child(um, EBMS, "eb:PartyInfo");
        party(child(party, EBMS, "eb:From"), m.from());
        party(child(party, EBMS, "eb:To"), m.to());
        Element collab = child(um, EBMS, "eb:CollaborationInfo");
        Element agreement = text(collab, "eb:AgreementRef", m.agreementRef());
        if (m.pmodeId() != null && !m.pmodeId().isBlank()) {
            agreement.setAttribute("pmode", m.pmodeId());
        }
        Element service = text(collab, "eb:Service", m.service());
        if (m.serviceType() != null && !m.serviceType().isBlank()) {
            service.setAttribute("type", m.serviceType());
        }
        text(collab, "eb:Action", m.action());
        text(collab, "eb:ConversationId", m.conversationId());
        if (!m.messageProperties().isEmpty()) {
            Element props = child(um, EBMS, "eb:MessageProperties");
            m.messageProperties().forEach((k, v) -> text(props, "eb:Property", v).setAttribute("name", k));
        }
        Element payloadInfo = child(um, EBMS, "eb:PayloadInfo");
        for (As4Payload p : m.payloads()) {
            Element part = child(payloadInfo, EBMS, "eb:PartInfo");
            part.setAttribute("href", "cid:" + p.contentId());
            Element props = child(part, EBMS, "eb:PartProperties");
            text(props, "eb:Property", p.mimeType()).setAttribute("name", MIME_TYPE);
            if (compressed) {
                text(props, "eb:Property", GZIP).setAttribute("name", COMPRESSION_TYPE);
            }
            p.properties().forEach((k, v) -> text(props, "eb:Property", v).setAttribute("name", k));
        }
    }

    static void messageInfo(Element parent, String messageId, Instant timestamp, String refTo) {
        Element info = child(parent, EBMS, "eb:MessageInfo");
        text(info, "eb:Timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
        text(info, "eb:MessageId", messageId);
        if (refTo != null) {
            text(info, "eb:RefToMessageId", refTo);
        }
    }

    private static void party(Element fromOrTo, As4Party p) {
        Element id = text(fromOrTo, "eb:PartyId", p.id());
        if (p.idType() != null && !p.idType().isBlank()) {
            id.setAttribute("type", p.idType());
        }
        text(fromOrTo, "eb:Role", p.role());
    }

    /** A UserMessage header, its part properties by content id in {@code partProperties}. */
    static UserMessageHeader readUserMessage(Document doc) {
        Element um = first(messaging(doc), EBMS, "UserMessage");
        if (um == null) {
            throw new As4Exception(EbmsErrorCode.INVALID_HEADER, "the Messaging header carries no UserMessage");
        }
        Element info = required(um, "MessageInfo");
        String messageId = requiredText(info, "MessageId");
        Instant timestamp;
        try {
            timestamp = Instant.parse(requiredText(info, "Timestamp"));
        } catch (DateTimeParseException e) {
            throw new As4Exception(EbmsErrorCode.INVALID_HEADER, "MessageInfo/Timestamp is not an xsd:dateTime in UTC", messageId, e);
        }
        Element partyInfo = required(um, "PartyInfo");
        Element collab = required(um, "CollaborationInfo");
        Element agreement = required(collab, "AgreementRef");
        Element service = required(collab, "Service");
        Map<String, String> messageProps = properties(first(um, EBMS, "MessageProperties"));
        Map<String, Map<String, String>> parts = new LinkedHashMap<>();
        Element payloadInfo = first(um, EBMS, "PayloadInfo");
        if (payloadInfo != null) {
            for (Element part : children(payloadInfo, EBMS, "PartInfo")) {
                String href = part.getAttribute("href");
                if (!href.startsWith("cid:")) {
                    throw new As4Exception(EbmsErrorCode.FEATURE_NOT_SUPPORTED,
                            "only MIME attachment payloads (href cid:...) are supported, not '" + href + "'", messageId, null);
                }
                parts.put(href.substring(4), properties(first(part, EBMS, "PartProperties")));
            }
        }
        As4UserMessage header = new As4UserMessage(messageId, timestamp, optionalText(info, "RefToMessageId"),
                requiredText(collab, "ConversationId"), readParty(required(partyInfo, "From"), messageId),
                readParty(required(partyInfo, "To"), messageId), service.getTextContent().trim(),
                emptyToNull(service.getAttribute("type")), requiredText(collab, "Action"),
                agreement.getTextContent().trim(), emptyToNull(agreement.getAttribute("pmode")), messageProps, List.of());
        return new UserMessageHeader(header, parts);
    }

    record UserMessageHeader(As4UserMessage message, Map<String, Map<String, String>> partProperties) {
    }

    private static As4Party readParty(Element e, String messageId) {
        Element id = required(e, "PartyId");
        try {
            return new As4Party(id.getTextContent().trim(), emptyToNull(id.getAttribute("type")), requiredText(e, "Role"));
        } catch (IllegalArgumentException ex) {
            throw new As4Exception(EbmsErrorCode.INVALID_HEADER, ex.getMessage(), messageId, ex);
        }
    }

    private static Map<String, String> properties(Element container) {
        Map<String, String> map = new LinkedHashMap<>();
        if (container != null) {
            for (Element p : children(container, EBMS, "Property")) {
                map.put(p.getAttribute("name"), p.getTextContent().trim());
            }
        }
        return map;
    }

    static Element child(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    static Element text(Element parent, String qname, String value) {
        Element e = child(parent, EBMS, qname);
        e.setTextContent(value);
        return e;
    }

    static Element first(Node parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        var list = parent instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) parent).getElementsByTagNameNS(ns, local);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element required(Element parent, String local) {
        Element e = first(parent, EBMS, local);
        if (e == null) {
            throw new As4Exception(EbmsErrorCode.INVALID_HEADER, "ebMS header lacks " + local);
        }
        return e;
    }

    static String requiredText(Element parent, String local) {
        String s = required(parent, local).getTextContent().trim();
        if (s.isEmpty()) {
            throw new As4Exception(EbmsErrorCode.INVALID_HEADER, "ebMS header has an empty " + local);
        }
        return s;
    }

    static String optionalText(Element parent, String local) {
        Element e = first(parent, EBMS, local);
        return e == null ? null : emptyToNull(e.getTextContent().trim());
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
