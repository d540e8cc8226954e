package ca.passage.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The console's languages. Labels live in {@code console/labels_<code>.properties} (UTF-8); English and French
 * carry the same keys, which a test checks, so a label never falls back silently.
 */
public enum Lang {
    EN("en", "English"), FR("fr", "Français");

    /** The cookie that remembers the choice (no personal data: a language code). */
    public static final String COOKIE = "passage-lang";

    private final String code;
    private final String name;
    private final Map<String, String> labels;

    Lang(String code, String name) {
        this.code = code;
        this.name = name;
        this.labels = load(code);
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return name;
    }

    /** The other language, for the switch link. */
    public Lang other() {
        return this == EN ? FR : EN;
    }

    /** The label for {@code key}; the key itself where one is missing (a test keeps both files complete). */
    public String t(String key) {
        return labels.getOrDefault(key, key);
    }

    public Map<String, String> labels() {
        return labels;
    }

    public static Lang of(String code) {
        for (Lang l : values()) {
            if (l.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return l;
            }
        }
        return null;
    }

    /** The language a request asks for: the cookie first, then Accept-Language, then English. */
    public static Lang forRequest(String cookieHeader, String acceptLanguage) {
        if (cookieHeader != null) {
            for (String c : cookieHeader.split(";")) {
                String[] kv = c.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE) && of(kv[1]) != null) {
                    return of(kv[1]);
                }
            }
        }
        if (acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("fr")) {
            return FR;
        }
        return EN;
    }

    private static Map<String, String> load(String code) {
        String name = "console/labels_" + code + ".properties";
        try (InputStream in = Lang.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " on the class path");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.forEach((k, v) -> out.put(k.toString(), v.toString()));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
