package ca.passage.partner;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The partners loaded at start-up, by id. Immutable: a profile change needs a restart (and is audited then). */
public final class PartnerRegistry {

    private final Map<String, PartnerProfile> partners;

    public PartnerRegistry(Collection<PartnerProfile> profiles) {
        Map<String, PartnerProfile> byId = new LinkedHashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        this.partners = Collections.unmodifiableMap(byId);
    }

    public Optional<PartnerProfile> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    public PartnerProfile get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown partner " + id));
    }

    public Collection<PartnerProfile> all() {
        return partners.values();
    }

    /** Null when the partner may receive a notice, else why not (used by intake's recipient rule). */
    public String refusalFor(String id) {
        PartnerProfile p = partners.get(id);
        if (p == null) {
            return "unknown partner " + id + " (known: " + String.join(", ", partners.keySet()) + ")";
        }
        if (!p.enabled()) {
            return "partner " + id + " is disabled in its profile";
        }
        return null;
    }
}
