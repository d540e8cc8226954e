package ca.passage.inbound;

import ca.passage.crypto.RefusalCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/inbound.md is what partners' engineers read: its refusal table must say what the gateway answers. */
class InboundRefusalCodesTest {

    private static final Pattern ROW = Pattern.compile("^\\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \\| (EBMS:\\d{4}) \\|", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([A-Z_]+)`");

    @Test
    void everyRowOfTheDocumentedRefusalTableNamesTheEbmsErrorTheGatewayAnswers() throws Exception {
        String doc = Files.readString(Path.of("docs/inbound.md"));
        Matcher row = ROW.matcher(doc);
        List<String> checked = new ArrayList<>();
        while (row.find()) {
            Matcher code = CODE.matcher(row.group(1));
            while (code.find()) {
                RefusalCode refusal = RefusalCode.valueOf(code.group(1));
                assertThat(InboundRefusal.ebmsFor(refusal).code()).as(refusal.name()).isEqualTo(row.group(2));
                checked.add(refusal.name());
            }
        }
        assertThat(checked).hasSizeGreaterThan(10);
    }

    @Test
    void theDocumentNamesEveryRefusalCode() throws Exception {
        String doc = Files.readString(Path.of("docs/inbound.md"));
        Set<RefusalCode> named = EnumSet.noneOf(RefusalCode.class);
        Matcher code = CODE.matcher(doc);
        while (code.find()) {
            try {
                named.add(RefusalCode.valueOf(code.group(1)));
            } catch (IllegalArgumentException notACode) {
                // other upper-case words in back-ticks (actions, states)
            }
        }
        assertThat(EnumSet.complementOf(EnumSet.copyOf(named))).as("codes docs/inbound.md does not name").isEmpty();
    }
}
