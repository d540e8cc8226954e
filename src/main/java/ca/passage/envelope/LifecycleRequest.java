package ca.passage.envelope;

import ca.passage.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Arrays;
import java.util.Locale;

/**
 * A request about a notice the receiver already holds: withdraw it, delete it, or correct it. It travels, like a
 * {@link BusinessResponse}, as a small payload of our envelope whatever the partner's format, since it carries
 * only codes: the envelope's Action says the kind, its RefToMessageId the message that carried the notice, and the
 * payload repeats both with the reason code:
 * {@code <env:LifecycleRequest><env:Kind>WITHDRAWAL</env:Kind><env:RefToMessageId>..</env:RefToMessageId>
 * <env:Reason>PERSON_LOCATED</env:Reason></env:LifecycleRequest>}. No free text: nothing in it needs screening.
 */
public record LifecycleRequest(Kind kind, String refToMessageId, Reason reason) {

    public static final String FORMAT = "lifecycle-request/1";

    /** The kind of request, and the envelope Action that carries it. */
    public enum Kind {
        WITHDRAWAL("Withdraw"),
        DELETION_REQUEST("RequestDeletion"),
        CORRECTION_REQUEST("RequestCorrection");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }

        /** The kind an envelope Action names, or null when it names none. */
        public static Kind ofAction(String action) {
            return Arrays.stream(values()).filter(k -> k.action.equals(action)).findFirst().orElse(null);
        }
    }

    /** Why: a closed list, so that no personal data travels in a reason. */
    public enum Reason {
        /** The person sought was located. */
        PERSON_LOCATED,
        /** The warrant behind the notice was withdrawn. */
        WARRANT_WITHDRAWN,
        /** What was sent is inaccurate. */
        INACCURATE,
        /** It was sent to this partner in error, or beyond what the agreement allows. */
        SHARED_IN_ERROR,
        /** The retention period agreed has ended. */
        RETENTION_ENDED,
        OTHER;

        /** The reason a request names (case-insensitive); IllegalArgumentException naming the allowed values. */
        public static Reason parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("reason must be one of " + Arrays.toString(values()));
            }
        }
    }

    public LifecycleRequest {
        if (kind == null || reason == null || refToMessageId == null || refToMessageId.isBlank()) {
            throw new IllegalArgumentException("a lifecycle request needs a kind, a referenced message and a reason");
        }
    }

    public byte[] payload() {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element r = doc.createElementNS(Envelope.NS, "env:LifecycleRequest");
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:env", Envelope.NS);
        doc.appendChild(r);
        add(doc, r, "Kind", kind.name());
        add(doc, r, "RefToMessageId", refToMessageId);
        add(doc, r, "Reason", reason.name());
        return SecureXml.toBytes(doc);
    }

    /**
     * The request an opened envelope carries; its Kind must match the envelope's Action and its RefToMessageId the
     * header's, so that the signed header and the payload cannot say two different things.
     */
    public static LifecycleRequest read(Document envelope) {
        EnvelopeHeader header = Envelope.readHeader(envelope);
        Element content = Envelope.payloadContent(envelope);
        if (!"LifecycleRequest".equals(content.getLocalName()) || !Envelope.NS.equals(content.getNamespaceURI())) {
            throw new EnvelopeException("payload is not a LifecycleRequest");
        }
        Kind kind;
        Reason reason;
        try {
            kind = Kind.valueOf(String.valueOf(text(content, "Kind")));
            reason = Reason.valueOf(String.valueOf(text(content, "Reason")));
        } catch (IllegalArgumentException e) {
            throw new EnvelopeException("LifecycleRequest Kind or Reason is not a known code");
        }
        String ref = text(content, "RefToMessageId");
        if (!kind.action().equals(header.action()) || ref == null || !ref.equals(header.refToMessageId())) {
            throw new EnvelopeException("LifecycleRequest does not match its header (Action or RefToMessageId differs)");
        }
        return new LifecycleRequest(kind, ref, reason);
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
