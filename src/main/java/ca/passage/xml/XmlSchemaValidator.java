package ca.passage.xml;

import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.InputSource;

/**
 * Validates XML bytes against one XSD and reports every violation with the path of the element where it was
 * found, so that an officer can fix all of them in one go. Parsing is hardened (no DTD, no external entities).
 */
public final class XmlSchemaValidator {

    /**
     * Each thread's validator for the schema: creating one builds Xerces' whole component configuration, which costs
     * about as much as validating a notice. Reuse is safe because a validator handler resets all its state at
     * {@code startDocument}, which every parse sends first (even of a document that then turns out malformed).
     */
    private final ThreadLocal<ValidatorHandler> validators;

    private XmlSchemaValidator(Schema schema) {
        this.validators = ThreadLocal.withInitial(schema::newValidatorHandler);
    }

    /** Loads the XSD at {@code classpathLocation} (schemas are packaged from the top-level {@code schemas/}). */
    public static XmlSchemaValidator fromClasspath(String classpathLocation) {
        URL url = XmlSchemaValidator.class.getClassLoader().getResource(classpathLocation);
        if (url == null) {
            throw new IllegalStateException("schema not found on the classpath: " + classpathLocation);
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar:file,file");
            return new XmlSchemaValidator(factory.newSchema(url));
        } catch (SAXException e) {
            throw new IllegalStateException("invalid schema " + classpathLocation + ": " + e.getMessage(), e);
        }
    }

    /** Every violation found; empty when the document is valid. Malformed XML yields one violation at "/". */
    public List<Violation> validate(byte[] xml) {
        List<Violation> violations = new ArrayList<>();
        PathTracker tracker = new PathTracker();
        ValidatorHandler validator = validators.get();
        validator.setErrorHandler(new CollectingErrorHandler(tracker, violations));
        tracker.setContentHandler(validator);
        try {
            XMLReader reader = SecureXml.saxParser().getXMLReader();
            tracker.setParent(reader);
            tracker.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            violations.add(new Violation(tracker.path(), "not well-formed XML: " + describe(e)));
        } catch (SAXException e) {
            violations.add(new Violation("/", "not readable as XML: " + e.getMessage()));
        } catch (IOException e) {
            violations.add(new Violation("/", "not readable: " + e.getMessage()));
        } finally {
            // the kept validator must not hold on to this document's violations (their messages quote values)
            validator.setErrorHandler(null);
        }
        return List.copyOf(violations);
    }

    public List<Violation> validate(InputStream in) throws IOException {
        return validate(in.readAllBytes());
    }

    private static String describe(SAXParseException e) {
        String message = e.getMessage() == null ? "parse error" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            message = "DOCTYPE declarations (DTDs, entities) are not accepted";
        }
        return message + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
    }

    /** Keeps the path of the element being read, e.g. /CaseNotice/persons/person[2]/dateOfBirth. */
    private static final class PathTracker extends XMLFilterImpl {
        private final Deque<String> stack = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> siblingCounts = new ArrayDeque<>();
        private String lastClosed = null;

        PathTracker() {
            siblingCounts.push(new HashMap<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            int index = siblingCounts.peek().merge(localName, 1, Integer::sum);
            stack.addLast(index > 1 ? localName + "[" + index + "]" : localName);
            siblingCounts.push(new HashMap<>());
            lastClosed = null;
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            // Content-model errors for a parent are raised at its end tag, after the child stack is gone.
            super.endElement(uri, localName, qName);
            siblingCounts.pop();
            lastClosed = stack.removeLast();
        }

        String path() {
            return stack.isEmpty() ? "/" + (lastClosed == null ? "" : lastClosed) : "/" + String.join("/", stack);
        }
    }

    private record CollectingErrorHandler(PathTracker tracker, List<Violation> violations) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a notice invalid
        }

        @Override
        public void error(SAXParseException e) {
            violations.add(new Violation(tracker.path(), clean(e.getMessage())));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        private static String clean(String message) {
            // Xerces prefixes messages with its internal key, e.g. "cvc-pattern-valid: ".
            return message == null ? "invalid" : message.replaceFirst("^cvc-[a-zA-Z.0-9-]+: ", "");
        }
    }
}
