package ca.passage.crypto;

import org.apache.xml.security.encryption.DocumentSerializer;
import org.apache.xml.security.encryption.Serializer;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Parsing of messages and decrypted payloads on the shared hardened parser, every failure a {@link SecurityRefusal}
 * with its code; and byte serialization through Santuario.
 */
final class MessageXml {
    private MessageXml() {
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

    /** The shared hardened parser (ca.passage.xml.SecureXml), made strict: any error or entity is a refusal. */
    static DocumentBuilder builder() {
        DocumentBuilder b = ca.passage.xml.SecureXml.documentBuilder();
        b.setErrorHandler(STRICT);
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused");
        });
        return b;
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

    /**
     * The calling thread's XML-Enc serializer (Santuario's physical canonicaliser, secure validation on), handed to
     * every {@code XMLCipher}: without it each cipher instance builds its own serializer and a JAXP transformer
     * factory, a service look-up per instance, three or four times per message.
     */
    static Serializer cipherSerializer() {
        return CIPHER_SERIALIZER.get();
    }

    private static final ThreadLocal<Serializer> CIPHER_SERIALIZER = ThreadLocal.withInitial(() -> {
        try {
            return new DocumentSerializer(true);
        } catch (Exception e) {
            throw new IllegalStateException("Santuario's physical canonicaliser is missing", e);
        }
    });

    static byte[] serialize(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        XMLUtils.outputDOM(node, out);
        return out.toByteArray();
    }
}
