package ca.passage.xml;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hardened parser refuses nesting deeper than {@link SecureXml#MAX_ELEMENT_DEPTH}, before any tree walk. */
class SecureXmlDepthTest {

    private static byte[] nested(int depth) {
        return ("<a>".repeat(depth) + "x" + "</a>".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nestingUpToTheLimitParses() throws Exception {
        assertThat(SecureXml.parse(nested(SecureXml.MAX_ELEMENT_DEPTH)).getDocumentElement().getLocalName())
                .isEqualTo("a");
    }

    @Test
    void nestingBeyondTheLimitIsRefusedAtParse() {
        assertThatThrownBy(() -> SecureXml.parse(nested(5_000))).isInstanceOf(SAXException.class)
                .hasMessageContaining("depth");
    }

    @Test
    void theSaxParserHasTheSameLimit() {
        assertThatThrownBy(() -> SecureXml.saxParser()
                .parse(new java.io.ByteArrayInputStream(nested(5_000)), new org.xml.sax.helpers.DefaultHandler()))
                .isInstanceOf(SAXException.class).hasMessageContaining("depth");
    }
}
