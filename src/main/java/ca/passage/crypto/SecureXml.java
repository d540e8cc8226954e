package ca.passage.crypto;

import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Hardened XML parsing (no DTD, no external entities, secure processing) and byte serialization. */
final class SecureXml {
    private SecureXml() {
    }

    static {
        org.apache.xml.security.Init.init(); // idempotent; serialization below uses Santuario's canonicalizer
    }

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance(); // the JDK parser, whatever the classpath holds
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(STRICT);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    /** True when the bytes (read as UTF-8, or UTF-16 if they start that way) declare a DTD or an entity. */
    static boolean declaresDtd(byte[] xml) {
        String s;
        if (xml.length >= 2 && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF) || (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE)
                || xml[0] == 0 || xml[1] == 0)) {
            s = new String(xml, StandardCharsets.UTF_16);
        } else {
            s = new String(xml, StandardCharsets.UTF_8);
        }
        return s.contains("<!DOCTYPE") || s.contains("<!ENTITY");
    }

    static Document parse(byte[] xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            if (declaresDtd(xml)) {
                throw new SecurityRefusal(RefusalCode.DTD_FORBIDDEN, "message declares a DTD or entities");
            }
            throw new SecurityRefusal(RefusalCode.MALFORMED, "message is not well-formed XML (line "
                    + (e instanceof SAXParseException p ? p.getLineNumber() : -1) + ")");
        } catch (IOException e) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "message cannot be read");
        }
    }

    /** Parses decrypted element content inside a wrapper that declares the namespaces in scope at the target. */
    static Document parseFragment(String wrapperOpenTag, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            return builder().parse(new InputSource(new StringReader(wrapperOpenTag + text + "</w>")));
        } catch (SAXException e) {
            if (declaresDtd(content)) {
                throw new SecurityRefusal(RefusalCode.DTD_FORBIDDEN, "decrypted payload declares a DTD or entities");
            }
            throw new SecurityRefusal(RefusalCode.MALFORMED, "decrypted payload is not well-formed XML");
        } catch (IOException e) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "decrypted payload cannot be read");
        }
    }

    static byte[] serialize(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        XMLUtils.outputDOM(node, out);
        return out.toByteArray();
    }
}
