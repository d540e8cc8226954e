package ca.passage.partner;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for matching: lower case, accents removed (NFD without combining marks, plus ß, æ, œ, ø, ł, đ, ı),
 * typographic apostrophes and dashes made plain, and every run of white space one space. Each folded character
 * remembers the span of the original text it came from, so that a match on the folded text replaces the original
 * characters exactly.
 */
final class TextFolding {

    private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}");

    final String text;
    private final int[] start;
    private final int[] end;

    private TextFolding(String text, int[] start, int[] end) {
        this.text = text;
        this.start = start;
        this.end = end;
    }

    static TextFolding of(String original) {
        return fold(original, true);
    }

    /** The folded form of a whole string, for comparisons. */
    static String fold(String s) {
        return s == null ? "" : fold(s, false).text.strip();
    }

    /** Folds {@code original}; the spans of the original each folded character came from only when asked for. */
    private static TextFolding fold(String original, boolean withSpans) {
        StringBuilder sb = new StringBuilder(original.length());
        int[] starts = withSpans ? new int[original.length() * 2 + 4] : null;
        int[] ends = withSpans ? new int[original.length() * 2 + 4] : null;
        int n = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            // ASCII (nearly all of a notice's text) has no accents to remove: its fold is its lower case, one
            // character, without the normalisation and the string each other code point costs (f null: ASCII).
            String f = space ? " " : cp >= 0x80 ? foldCodePoint(cp) : null;
            int count = f == null ? 1 : f.length();
            for (int k = 0; k < count; k++) {
                char c = f == null ? asciiLowerCase((char) cp) : f.charAt(k);
                if (c == ' ' && (n == 0 || sb.charAt(n - 1) == ' ')) {
                    continue;
                }
                if (withSpans) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                        ends = Arrays.copyOf(ends, n * 2);
                    }
                    starts[n] = i;
                    ends[n] = i + width;
                }
                sb.append(c);
                n++;
            }
            i += width;
        }
        return withSpans ? new TextFolding(sb.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n))
                : new TextFolding(sb.toString(), null, null);
    }

    private static char asciiLowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Start, in the original text, of the folded character at {@code foldedIndex}. */
    int originalStart(int foldedIndex) {
        return start[foldedIndex];
    }

    /** End (exclusive), in the original text, of the folded character at {@code foldedIndex}. */
    int originalEnd(int foldedIndex) {
        return end[foldedIndex];
    }

    private static String foldCodePoint(int cp) {
        switch (cp) {
            case 'ß': return "ss";
            case 'æ': case 'Æ': return "ae";
            case 'œ': case 'Œ': return "oe";
            case 'ø': case 'Ø': return "o";
            case 'ł': case 'Ł': return "l";
            case 'đ': case 'Đ': return "d";
            case 'ı': return "i";
            case '\u2018': case '\u2019': case '\u02BC': return "'";
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': return "-";
            default: break;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        return COMBINING_MARK.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
