package ca.passage.crypto;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** Names of the envelope contract and small DOM helpers. */
final class EnvelopeDom {
    private EnvelopeDom() {
    }

    static final String NS = ca.passage.envelope.Envelope.NS;
    static final String MESSAGE = "Message";
    static final String HEADER = "Header";
    static final String PAYLOAD = "Payload";
    static final String ID = "Id";

    static List<Element> childElements(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element firstChild(Element parent, String ns, String localName) {
        List<Element> l = childElements(parent, ns, localName);
        return l.isEmpty() ? null : l.get(0);
    }

    static String childText(Element parent, String localName) {
        Element e = firstChild(parent, NS, localName);
        return e == null ? null : e.getTextContent().trim();
    }
}
