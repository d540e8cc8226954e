package ca.passage.partner;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding takes a short cut for ASCII (its lower case, no normalisation): every character of ASCII and Latin
 * script must still fold exactly as the general rule does, and keep the span of the original it came from.
 */
class TextFoldingTest {

    /** The general rule, written out: decomposed, combining marks removed, lower case (for one letter). */
    private static String byTheGeneralRule(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void everyAsciiAndLatinLetterFoldsByTheGeneralRule() {
        for (int cp = 0; cp < 0x250; cp++) {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || "ßæÆœŒøØłŁđĐı".indexOf(cp) >= 0) {
                continue;
            }
            String s = "x" + new String(Character.toChars(cp)) + "x";
            assertThat(TextFolding.of(s).text).as("U+%04X", cp).isEqualTo("x" + byTheGeneralRule(cp) + "x");
        }
    }

    @Test
    void foldedCharactersPointBackToTheOriginal() {
        TextFolding f = TextFolding.of("  MÜLLER\t\tStraße Ø-1 ");
        assertThat(f.text).isEqualTo("muller strasse o-1 ");
        assertThat(f.originalStart(0)).isEqualTo(2);
        assertThat(f.originalEnd(1)).isEqualTo(4);
        assertThat(f.originalStart(6)).isEqualTo(8); // the two tabs are one space, from the first
        assertThat(f.originalEnd(6)).isEqualTo(9);
        assertThat(f.originalStart(12)).isEqualTo(14); // "ss", both from ß
        assertThat(f.originalEnd(12)).isEqualTo(15);
        assertThat(f.originalStart(15)).isEqualTo(17);
        assertThat(TextFolding.fold("  Zoë  O’Brien ")).isEqualTo("zoe o'brien");
    }
}
