package ca.passage.translate;

import ca.passage.notice.NoticeMappers;
import ca.passage.xml.SecureXml;
import ca.passage.xml.Violation;
import ca.passage.xml.XmlSchemaValidator;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes and reads one partner format with Jackson XML: a fixed namespace prefix, indented output, the notice
 * mappers' hardened input, and the format's XSD checked both ways (what Passage produces and what a partner sends).
 */
final class PayloadXml<T> {

    private final Class<T> type;
    private final String namespace;
    private final String prefix;
    private final String schemaLocation;
    private final XmlSchemaValidator schema;
    private final XmlMapper mapper;

    PayloadXml(Class<T> type, String namespace, String prefix, String schemaLocation, PropertyNamingStrategy naming) {
        this.type = type;
        this.namespace = namespace;
        this.prefix = prefix;
        this.schemaLocation = schemaLocation;
        this.schema = XmlSchemaValidator.fromClasspath(schemaLocation);
        this.mapper = NoticeMappers.xml();
        if (naming != null) {
            mapper.setPropertyNamingStrategy(naming);
        }
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }

    String schemaLocation() {
        return schemaLocation;
    }

    List<Violation> validate(byte[] xml) {
        return schema.validate(xml);
    }

    /** Serialises and checks the result against the XSD: an invalid document here is a bug in the translator. */
    byte[] write(T value, String partnerId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToXmlGenerator gen = mapper.getFactory().createGenerator(out)) {
            mapper.writeValue(gen, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + type.getSimpleName() + " for partner " + partnerId, e);
        }
        byte[] xml = withPrefix(out.toByteArray());
        List<Violation> violations = schema.validate(xml);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("translator produced XML that " + schemaLocation + " refuses for partner "
                    + partnerId + ": " + describe(violations));
        }
        return xml;
    }

    /** Validates the partner's element against the XSD, then maps it; every violation is named. */
    T read(Element payload, String partnerId) {
        byte[] xml = bytesOf(payload);
        List<Violation> violations = schema.validate(xml);
        if (!violations.isEmpty()) {
            throw new TranslationException(partnerId, "payload does not conform to " + schemaLocation + ": "
                    + describe(violations));
        }
        try {
            return mapper.readValue(xml, type);
        } catch (IOException e) {
            throw new TranslationException(partnerId, "payload is not readable as " + type.getSimpleName() + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /**
     * Jackson writes the root in a default namespace and undeclares it on every child; partners get the clearer
     * form: the root with the format's prefix ({@code ipn:notice}), unqualified children without declarations.
     */
    private byte[] withPrefix(byte[] jacksonXml) {
        Document doc;
        try {
            doc = SecureXml.parse(jacksonXml);
        } catch (SAXException e) {
            throw new IllegalStateException("Jackson wrote unreadable XML", e);
        }
        Element root = doc.getDocumentElement();
        root.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns");
        Element renamed = (Element) doc.renameNode(root, namespace, prefix + ":" + root.getLocalName());
        renamed.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace);
        NodeList all = renamed.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            ((Element) all.item(i)).removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns");
        }
        String text = new String(SecureXml.toBytes(doc), StandardCharsets.UTF_8)
                .replaceFirst("^<\\?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"\\?>",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytesOf(Element element) {
        Document doc = element.getOwnerDocument();
        if (doc.getDocumentElement() != element) {
            Document copy = SecureXml.documentBuilder().newDocument();
            copy.appendChild(copy.importNode(element, true));
            doc = copy;
        }
        return SecureXml.toBytes(doc);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
