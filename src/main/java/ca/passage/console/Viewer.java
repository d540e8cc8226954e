package ca.passage.console;

import ca.passage.access.Principal;
import ca.passage.access.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is looking at a console page, as the access gate authenticated them (its principal headers, which a client
 * cannot set), the language chosen, the token the page's forms carry, and the page's path (for the language switch).
 */
public record Viewer(String name, Set<Role> roles, Lang lang, String csrf, String path) {

    public Viewer {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Labels in the viewer's language. */
    public String t(String key) {
        return lang.t(key);
    }

    /** The viewer of a request the access gate let through; refused when its identity headers are not single values. */
    static Viewer of(Map<String, Object> headers, Csrf csrf) {
        String name = single(headers.get(Principal.NAME_HEADER));
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the request carries no single authenticated user");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String list = single(headers.get(Principal.ROLES_HEADER));
        if (list != null) {
            for (String r : list.split(",")) {
                for (Role role : Role.values()) {
                    if (role.name().equals(r.strip())) {
                        roles.add(role);
                    }
                }
            }
        }
        Lang lang = Lang.forRequest(single(headers.get("Cookie")), single(headers.get("Accept-Language")));
        String uri = single(headers.get("CamelHttpUri"));
        String path = uri == null ? "/console/" : uri.replaceAll("[?#].*$", "");
        return new Viewer(name, roles, lang, csrf.tokenFor(name), path.matches("/console(/[A-Za-z0-9._~/-]*)?") ? path : "/console/");
    }

    static String single(Object v) {
        if (v instanceof List<?> l) {
            return null; // a repeated header (or a parameter of the same name) counts as none
        }
        return v == null ? null : v.toString();
    }
}
