package ca.passage.ledger;

import javax.sql.DataSource;
import java.util.Set;

/**
 * The one place that says who may read the audit log: reading needs the {@link Role#AUDITOR} role, and an
 * auditor never writes or changes anything (the gateway calls {@link #requireWriter} before any state
 * change made for a principal). Auditors read through an {@link AuditorSession}, which appends every query
 * to the ledger itself. Authentication arrives with the access-security issue; until then callers build the
 * {@link Principal} from what they know (the CLI: the operating-system user named with {@code --auditor}).
 */
public final class AuditorAccess {

    public enum Role { OFFICER, SUPERVISOR, OPERATOR, AUDITOR, SYSTEM }

    public record Principal(String id, Set<Role> roles) {
        public Principal {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("principal needs an id");
            }
            roles = Set.copyOf(roles);
        }

        public static Principal auditor(String id) {
            return new Principal(id, Set.of(Role.AUDITOR));
        }
    }

    /** Refused access; the message names the principal and the missing role, nothing else. */
    public static final class AccessDeniedException extends RuntimeException {
        public AccessDeniedException(String message) {
            super(message);
        }
    }

    private AuditorAccess() {
    }

    public static void requireAuditor(Principal p) {
        if (p == null || !p.roles().contains(Role.AUDITOR)) {
            throw new AccessDeniedException("reading the audit log needs the AUDITOR role"
                    + (p == null ? "" : " (" + p.id() + " has " + p.roles() + ")"));
        }
    }

    /** Auditors can read but never write: any principal holding AUDITOR is refused every write. */
    public static void requireWriter(Principal p) {
        if (p == null) {
            throw new AccessDeniedException("a write needs an authenticated principal");
        }
        if (p.roles().contains(Role.AUDITOR)) {
            throw new AccessDeniedException(p.id() + " is an auditor: auditors can read but never write");
        }
    }

    /** Opens a read-only auditor session after checking the role; its queries are appended to {@code ledger}. */
    public static AuditorSession open(Principal p, DataSource dataSource, AuditLedger ledger, CheckpointSigner keys,
                                      java.time.Clock clock) {
        requireAuditor(p);
        return new AuditorSession(p, dataSource, ledger, keys, clock);
    }
}
