package ca.passage.xml;

import ca.passage.notice.NoticeParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A validator keeps one validator handler per thread: what one document leaves behind (violations, an element stack
 * cut short by malformed XML) must not change what the next one is told.
 */
class XmlSchemaValidatorReuseTest {

    @Test
    void eachDocumentGetsTheViolationsAFreshValidatorWouldReport() throws Exception {
        String valid = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"));
        String invalid = valid.replace("<version>1</version>", "<version>one</version>")
                .replace("<priority>IMMEDIATE</priority>", "<priority>SOON</priority>");
        String cutShort = valid.substring(0, valid.indexOf("<person "));
        String notXml = "not xml at all";
        List<String> documents = List.of(invalid, valid, cutShort, valid, notXml, invalid, cutShort, invalid, valid);

        XmlSchemaValidator reused = XmlSchemaValidator.fromClasspath(NoticeParser.SCHEMA);
        List<List<Violation>> seen = new ArrayList<>();
        List<List<Violation>> fresh = new ArrayList<>();
        for (String d : documents) {
            seen.add(reused.validate(d.getBytes(StandardCharsets.UTF_8)));
            fresh.add(XmlSchemaValidator.fromClasspath(NoticeParser.SCHEMA).validate(d.getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(seen).isEqualTo(fresh);
        assertThat(seen.get(0)).extracting(Violation::path).containsOnly("/CaseNotice/version", "/CaseNotice/priority");
        assertThat(seen.get(1)).isEmpty();
        assertThat(seen.get(2)).isNotEmpty();
    }
}
