package ca.passage.translate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every partner format Passage speaks, by format id. */
public final class TranslatorRegistry {

    private final Map<String, PartnerTranslator> byFormat = new LinkedHashMap<>();

    public TranslatorRegistry(Collection<PartnerTranslator> translators) {
        translators.forEach(t -> byFormat.put(t.format(), t));
    }

    public PartnerTranslator forFormat(String format) {
        PartnerTranslator t = byFormat.get(format);
        if (t == null) {
            throw new IllegalArgumentException("no translator for format " + format);
        }
        return t;
    }

    public Set<String> formats() {
        return Set.copyOf(byFormat.keySet());
    }
}
