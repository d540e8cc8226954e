package ca.passage.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static ca.passage.access.Role.AUDITOR;
import static ca.passage.access.Role.OFFICER;
import static ca.passage.access.Role.OPERATOR;
import static ca.passage.access.Role.SUPERVISOR;

/**
 * THE access table: which roles may call which route of the officers' listener. Deny by default: a request
 * matching no row is refused (403, or 401 without credentials), whatever the route. The four-eyes rule (an
 * approver is never the submitter) is checked by the approval itself, on top of this table.
 */
public final class AccessTable {

    /** One row: method, path template ({@code {x}} is one path segment), roles allowed. */
    public record Rule(String method, String path, Set<Role> roles) {
        boolean matches(String m, String p) {
            return method.equals(m) && matchesPath(p);
        }

        /**
         * Segment by segment, without a regular expression (every request tries the rows of its method): a
         * {@code {x}} segment matches any one non-empty segment, every other segment itself.
         */
        private boolean matchesPath(String p) {
            String[] template = path.split("/", -1);
            String[] segments = p.split("/", -1);
            if (template.length != segments.length) {
                return false;
            }
            for (int i = 0; i < template.length; i++) {
                boolean placeholder = template[i].startsWith("{") && template[i].endsWith("}");
                if (placeholder ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Set<Role> FOLLOWERS = Set.of(OFFICER, SUPERVISOR, OPERATOR);
    /** Any authenticated person, whatever their role: the API's description is no secret among its users. */
    private static final Set<Role> ANY_ROLE = Set.copyOf(EnumSet.allOf(Role.class));

    public static final List<Rule> RULES = List.of(
            new Rule("POST", "/api/v1/notices", Set.of(OFFICER)),
            new Rule("GET", "/api/v1/notices/{id}", FOLLOWERS),
            new Rule("GET", "/api/v1/notices/{id}/preview", Set.of(OFFICER, SUPERVISOR)),
            new Rule("POST", "/api/v1/notices/{id}/approval", Set.of(SUPERVISOR)),
            new Rule("POST", "/api/v1/notices/{id}/forward", Set.of(OFFICER)),
            new Rule("POST", "/api/v1/notices/{id}/response", Set.of(OFFICER)),
            new Rule("POST", "/api/v1/notices/{id}/withdrawal", Set.of(OFFICER)),
            new Rule("POST", "/api/v1/notices/{id}/update", Set.of(OFFICER)),
            new Rule("POST", "/api/v1/notices/{id}/deletion-request", Set.of(OFFICER)),
            new Rule("GET", "/api/v1/exchanges/{id}", FOLLOWERS),
            new Rule("GET", "/api/v1/exchanges", FOLLOWERS),
            new Rule("POST", "/api/v1/exchanges/{id}/resend", Set.of(OPERATOR)),
            new Rule("POST", "/api/v1/exchanges/{id}/cancel", Set.of(OPERATOR)),
            new Rule("POST", "/api/v1/partners/{id}/suspend", Set.of(OPERATOR)),
            new Rule("POST", "/api/v1/partners/{id}/resume", Set.of(OPERATOR)),
            new Rule("GET", "/api/v1/audit", Set.of(AUDITOR)),
            new Rule("GET", "/api/v1/audit/verify", Set.of(AUDITOR)),
            new Rule("GET", "/api/v1/audit/disclosures", Set.of(AUDITOR)),
            // the OpenAPI documents and Swagger UI (ca.passage.api.ApiDocuments, SwaggerUi)
            new Rule("GET", "/api/v1/openapi.json", ANY_ROLE),
            new Rule("GET", "/api/v1/openapi-partners.json", ANY_ROLE),
            new Rule("GET", "/api/docs", ANY_ROLE),
            new Rule("GET", "/api/docs/{file}", ANY_ROLE),
            // The web console (routes/console.camel.yaml): each page and form has the roles of the API it uses.
            new Rule("GET", "/console", ANY_ROLE),
            new Rule("GET", "/console/assets/{name}", ANY_ROLE),
            new Rule("GET", "/console/lang/{code}", ANY_ROLE),
            new Rule("GET", "/console/statistics", ANY_ROLE),
            new Rule("GET", "/console/officer", Set.of(OFFICER)),
            new Rule("POST", "/console/officer/notices", Set.of(OFFICER)),
            new Rule("GET", "/console/notices/{id}", FOLLOWERS),
            new Rule("GET", "/console/exchanges/{id}", FOLLOWERS),
            new Rule("GET", "/console/supervisor", Set.of(SUPERVISOR)),
            new Rule("POST", "/console/notices/{id}/approval", Set.of(SUPERVISOR)),
            new Rule("GET", "/console/operator", Set.of(OPERATOR)),
            new Rule("POST", "/console/exchanges/{id}/resend", Set.of(OPERATOR)),
            new Rule("POST", "/console/exchanges/{id}/cancel", Set.of(OPERATOR)),
            new Rule("POST", "/console/partners/{id}/suspend", Set.of(OPERATOR)),
            new Rule("POST", "/console/partners/{id}/resume", Set.of(OPERATOR)),
            new Rule("GET", "/console/charts", Set.of(OFFICER, SUPERVISOR, OPERATOR, AUDITOR)),
            new Rule("GET", "/console/audit", Set.of(AUDITOR)),
            new Rule("GET", "/console/audit/verify", Set.of(AUDITOR)),
            new Rule("GET", "/console/audit/disclosures", Set.of(AUDITOR)),
            new Rule("GET", "/console/audit/export", Set.of(AUDITOR)));

    private AccessTable() {
    }

    /** The row for this request, if any (none means: denied). */
    public static Optional<Rule> ruleFor(String method, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return RULES.stream().filter(r -> r.matches(method, p)).findFirst();
    }

    /** True when a principal with these roles may call this route. */
    public static boolean allows(String method, String path, Set<Role> roles) {
        return ruleFor(method, path).map(r -> roles.stream().anyMatch(r.roles()::contains)).orElse(false);
    }
}
