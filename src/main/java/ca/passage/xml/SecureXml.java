package ca.passage.xml;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Hardened XML factories: no DTDs, no external entities, no XInclude. Every parser in Passage comes from here,
 * because partners and officers alike can send hostile XML.
 * <p>
 * Creating a JAXP factory and a parser costs far more than parsing an 8 KB message (service lookup, Xerces
 * configuration objects): each thread keeps one hardened parser, SAX parser and transformer and resets it before
 * handing it out. What is handed out is for immediate use on the calling thread, never to be kept.
 */
public final class SecureXml {

    /**
     * The deepest element nesting any parser here accepts: far beyond any message or notice (a case notice is
     * about 8 levels, an envelope with signature and encryption about 12), low enough that no recursive walk of a
     * parsed tree can overflow the stack. Deeper input is refused at parse, as a {@link SAXException}.
     */
    public static final int MAX_ELEMENT_DEPTH = 256;

    /** The JDK parser's (JAXP) element-depth limit property. */
    private static final String MAX_ELEMENT_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private SecureXml() {
    }

    private static final ThreadLocal<DocumentBuilder> DOCUMENT_BUILDER = ThreadLocal.withInitial(SecureXml::newDocumentBuilder);
    private static final ThreadLocal<SAXParser> SAX_PARSER = ThreadLocal.withInitial(SecureXml::newSaxParser);
    private static final ThreadLocal<Transformer> TRANSFORMER = ThreadLocal.withInitial(SecureXml::newTransformer);

    /** The calling thread's hardened parser, reset (no error handler, no entity resolver); use it at once. */
    public static DocumentBuilder documentBuilder() {
        DocumentBuilder b = DOCUMENT_BUILDER.get();
        b.reset();
        b.setErrorHandler(null);
        b.setEntityResolver(null);
        return b;
    }

    /**
     * The calling thread's hardened SAX parser, reset, with the element-depth limit set again (a parser property,
     * which a reset clears); use it at once.
     */
    public static SAXParser saxParser() {
        SAXParser p = SAX_PARSER.get();
        p.reset();
        try {
            p.setProperty(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
        } catch (SAXException e) {
            throw new IllegalStateException("SAX parser lacks the element-depth limit", e);
        }
        return p;
    }

    private static SAXParser newSaxParser() {
        try {
            return saxParserFactory().newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("SAX parser lacks a required security feature", e);
        }
    }

    private static DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    public static SAXParserFactory saxParserFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("SAX parser lacks a required security feature", e);
        }
    }

    /** A StAX factory for Jackson XML that refuses DTDs and external entities. */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }

    public static Document parse(byte[] xml) throws SAXException {
        try {
            return documentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new SAXException("unreadable XML: " + e.getMessage(), e);
        }
    }

    /** Serialises without reformatting, so digests of the bytes stay stable. */
    public static byte[] toBytes(Document doc) {
        try {
            Transformer t = TRANSFORMER.get();
            t.reset();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML document", e);
        }
    }

    private static Transformer newTransformer() {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return tf.newTransformer();
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("XML transformer lacks a required security feature", e);
        }
    }
}
