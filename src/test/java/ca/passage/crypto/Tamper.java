package ca.passage.crypto;

/** Small, deliberate corruptions of a serialized message. */
final class Tamper {
    private Tamper() {
    }

    private static final java.util.regex.Pattern OPEN = java.util.regex.Pattern.compile("<([A-Za-z0-9_]+:)?CipherValue>");

    /** Start offset of the text of the last CipherValue element (the payload ciphertext). */
    private static int lastCipherValueStart(String wire) {
        java.util.regex.Matcher m = OPEN.matcher(wire);
        int start = -1;
        while (m.find()) {
            start = m.end();
        }
        if (start < 0) {
            throw new IllegalArgumentException("no CipherValue");
        }
        return start;
    }

    /** Changes one base64 character in the middle of the last CipherValue (the payload ciphertext). */
    static String flipInLastCipherValue(String wire) {
        int start = lastCipherValueStart(wire);
        int end = wire.indexOf("</", start);
        return flipAt(wire, start + (end - start) / 2);
    }

    /** Changes one base64 character a few positions before the end of the last CipherValue (the GCM tag). */
    static String flipInTag(String wire) {
        int start = lastCipherValueStart(wire);
        int end = wire.indexOf("</", start);
        int i = end - 6;
        while (!Character.isLetterOrDigit(wire.charAt(i))) {
            i--;
        }
        return flipAt(wire, i);
    }

    private static String flipAt(String s, int i) {
        while (!Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        char c = s.charAt(i);
        char r = c == 'A' ? 'B' : 'A';
        return s.substring(0, i) + r + s.substring(i + 1);
    }
}
