package ca.passage.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An authenticated person (or partner system), as the routes and beans see it. The access gate sets it on every
 * request it lets through, as the Camel headers {@value #NAME_HEADER} and {@value #ROLES_HEADER} (a comma list),
 * after deleting any header of those names the client sent: a bean reads {@code @Header(Principal.NAME_HEADER)}.
 *
 * @param name      the user id (certificate CN, or the token's user claim); never personal data beyond that id
 * @param roles     the roles granted
 * @param mechanism {@code x509} or {@code oidc}
 */
public record Principal(String name, Set<Role> roles, String mechanism) {

    /** The authenticated user's id, set by the access gate. */
    public static final String NAME_HEADER = "PassagePrincipal";
    /** The authenticated user's roles, comma separated, set by the access gate. */
    public static final String ROLES_HEADER = "PassagePrincipalRoles";
    /** On the partners' listener: the partner id the TLS client certificate proves. */
    public static final String PARTNER_HEADER = "PassageTlsPartner";

    public Principal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasAny(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    public String rolesText() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
