package ca.passage.api;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.ledger.AuditorAccess;
import ca.passage.ledger.AuditorAccess.Principal;
import ca.passage.ledger.AuditorAccess.Role;
import ca.passage.ledger.AuditorSession;
import ca.passage.ledger.CheckpointSigner;
import ca.passage.ledger.DisclosureReport;
import ca.passage.ledger.LedgerRecord;
import ca.passage.ledger.VerificationResult;
import ca.passage.xml.Violation;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The auditors' REST facade ({@code GET /api/v1/audit}, {@code /audit/verify}, {@code /audit/disclosures}).
 * Every read goes through {@link AuditorAccess#open}, the one AUDITOR check, and the {@link AuditorSession} it
 * returns appends the query to the ledger. A refused caller is recorded too ({@code AUDIT_ACCESS_DENIED}).
 *
 * <p>The caller is the principal the access gate authenticated (client certificate or bearer token) and put in
 * {@value #USER_HEADER} and {@value #ROLES_HEADER}; the gate already required AUDITOR ({@code AccessTable}), and
 * this check stays as a second line. Headers a client sends under those names are deleted by the gate.
 *
 * <p>Query parameters are read from the raw query string, so unknown, repeated and malformed parameters are
 * all reported (400, one violation per parameter).
 */
public final class AuditApi {

    public static final String USER_HEADER = ca.passage.access.Principal.NAME_HEADER;
    public static final String ROLES_HEADER = ca.passage.access.Principal.ROLES_HEADER;
    /** Actor prefix in the ledger for auditors identified by the REST API. */
    public static final String ACTOR_PREFIX = "auditor:";

    private static final Logger LOG = LoggerFactory.getLogger(AuditApi.class);
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Set<String> SEARCH_PARAMS = Set.of("from", "to", "partner", "notice", "exchange", "actor",
            "action", "outcome", "page", "size");
    private static final Set<String> DISCLOSURE_PARAMS = Set.of("notice", "partner", "from", "to");
    private static final int DEFAULT_SIZE = 100;

    private final DataSource dataSource;
    private final AuditLedger ledger;
    private final CheckpointSigner verifier;
    private final Clock clock;

    /** {@code verifier}: the gateway certificate that checks checkpoint signatures (no private key needed). */
    public AuditApi(DataSource dataSource, AuditLedger ledger, CheckpointSigner verifier, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** {@code GET /api/v1/audit}: one page of events, oldest first, with their chain fields. */
    public ApiResponse search(@Headers Map<String, Object> headers) {
        return handle(headers, SEARCH_PARAMS, "AUDIT_SEARCH", (session, params) -> {
            List<Violation> bad = new ArrayList<>();
            Instant from = instant(params, "from", bad);
            Instant to = instant(params, "to", bad);
            if (from != null && to != null && !from.isBefore(to)) {
                bad.add(new Violation("to", "must be after 'from'"));
            }
            String partner = text(params, "partner", 64, bad);
            String notice = text(params, "notice", 64, bad);
            String exchange = text(params, "exchange", 64, bad);
            String actor = text(params, "actor", 128, bad);
            String action = text(params, "action", 64, bad);
            String outcome = text(params, "outcome", 32, bad);
            int page = number(params, "page", 1, 1, Integer.MAX_VALUE / AuditQuery.MAX_SIZE, bad);
            int size = number(params, "size", DEFAULT_SIZE, 1, AuditQuery.MAX_SIZE, bad);
            if (!bad.isEmpty()) {
                return invalid(bad);
            }
            AuditSearch.Page p = session.search(new AuditQuery(from, to, partner, notice, exchange, actor, action,
                    outcome, page, size));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("page", p.page());
            body.put("size", p.size());
            body.put("total", p.total());
            body.put("hasNext", p.hasNext());
            body.put("items", p.items().stream().map(AuditApi::eventView).toList());
            return ApiResponses.ok(body);
        });
    }

    /** {@code GET /api/v1/audit/verify}: the whole chain and every checkpoint signature, as one summary. */
    public ApiResponse verify(@Headers Map<String, Object> headers) {
        return handle(headers, Set.of(), "AUDIT_VERIFY", (session, params) -> {
            VerificationResult r = session.verify(List.of());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("intact", r.intact());
            body.put("kind", r.kind().name());
            body.put("firstBrokenSeq", r.intact() ? null : r.firstBrokenSeq());
            body.put("afterCheckpoint", r.kind() == VerificationResult.Kind.TRUNCATED ? r.afterCheckpoint() : null);
            body.put("events", r.events());
            body.put("checkpointsVerified", r.checkpointsVerified());
            body.put("headSeq", r.intact() ? r.headSeq() : null);
            body.put("headHash", r.intact() ? r.headHash() : null);
            body.put("summary", r.summary());
            return ApiResponses.ok(body);
        });
    }

    /**
     * {@code GET /api/v1/audit/disclosures?notice=ID} or {@code ?partner=ID&from=T&to=T}: what was disclosed to
     * whom, when, under which legal basis and handling code, approved by whom, acknowledged or not.
     */
    public ApiResponse disclosures(@Headers Map<String, Object> headers) {
        return handle(headers, DISCLOSURE_PARAMS, "AUDIT_REPORT", (session, params) -> {
            List<Violation> bad = new ArrayList<>();
            String notice = text(params, "notice", 64, bad);
            String partner = text(params, "partner", 64, bad);
            Instant from = instant(params, "from", bad);
            Instant to = instant(params, "to", bad);
            if (!bad.isEmpty()) {
                return invalid(bad);
            }
            if (notice != null && (partner != null || from != null || to != null)) {
                return invalid(List.of(new Violation("notice", "give either notice, or partner with from and to")));
            }
            DisclosureReport.Report report;
            if (notice != null) {
                report = session.disclosureForNotice(notice);
            } else if (partner != null) {
                if (from == null) {
                    bad.add(new Violation("from", "required with partner (ISO-8601 instant)"));
                }
                if (to == null) {
                    bad.add(new Violation("to", "required with partner (ISO-8601 instant)"));
                }
                if (from != null && to != null && !from.isBefore(to)) {
                    bad.add(new Violation("to", "must be after 'from'"));
                }
                if (!bad.isEmpty()) {
                    return invalid(bad);
                }
                report = session.disclosureForPartner(partner, from, to);
            } else {
                return invalid(List.of(new Violation("notice", "give either notice, or partner with from and to")));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scope", report.scope());
            body.put("from", report.from());
            body.put("to", report.to());
            body.put("disclosed", report.disclosures().stream().filter(DisclosureReport.Disclosure::disclosed).count());
            body.put("acknowledged", report.disclosures().stream()
                    .filter(DisclosureReport.Disclosure::acknowledged).count());
            body.put("disclosures", report.disclosures());
            return ApiResponses.ok(body);
        });
    }

    /** An export to download: the file's bytes, or, when refused, the problem answer instead. */
    public record Download(String fileName, String contentType, byte[] content, ApiResponse problem) {
        public boolean refused() {
            return problem != null;
        }
    }

    /**
     * {@code ?format=jsonl|csv}: the whole chain as {@code passage audit export} writes it, for the console's
     * download. The same AUDITOR check and recorded query as every other read ({@code AUDIT_EXPORT_*}).
     */
    public Download export(@Headers Map<String, Object> headers) {
        java.util.concurrent.atomic.AtomicReference<Download> file = new java.util.concurrent.atomic.AtomicReference<>();
        ApiResponse answer = handle(headers, Set.of("format"), "AUDIT_EXPORT", (session, params) -> {
            ca.passage.ledger.AuditExport.Format format;
            try {
                format = ca.passage.ledger.AuditExport.Format.of(params.getOrDefault("format", "jsonl"));
            } catch (IllegalArgumentException e) {
                return invalid(List.of(new Violation("format", "jsonl or csv")));
            }
            java.nio.file.Path tmp = null;
            try {
                tmp = java.nio.file.Files.createTempFile("passage-audit-export", ".tmp");
                session.export(format, tmp);
                String name = "passage-audit-" + clock.instant().toString().replace(":", "") + "."
                        + format.name().toLowerCase(Locale.ROOT);
                file.set(new Download(name, format == ca.passage.ledger.AuditExport.Format.CSV ? "text/csv; charset=utf-8"
                        : "application/x-ndjson", java.nio.file.Files.readAllBytes(tmp), null));
                return ApiResponses.ok(Map.of("file", name));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot write the export: " + e.getMessage(), e);
            } finally {
                if (tmp != null) {
                    tmp.toFile().delete();
                }
            }
        });
        return file.get() != null ? file.get() : new Download(null, null, null, answer);
    }

    @FunctionalInterface
    private interface Read {
        ApiResponse run(AuditorSession session, Map<String, String> params);
    }

    private ApiResponse handle(Map<String, Object> headers, Set<String> allowed, String action, Read read) {
        Map<String, String> params = new LinkedHashMap<>();
        List<Violation> bad = parseQuery(headers.get("CamelHttpQuery"), allowed, params);
        if (!bad.isEmpty()) {
            return invalid(bad);
        }
        Principal principal;
        try {
            principal = principal(headers);
        } catch (AuditorAccess.AccessDeniedException e) {
            return denied(headers, action, e.getMessage());
        }
        AuditorSession session;
        try {
            session = AuditorAccess.open(principal, dataSource, ledger, verifier, clock);
        } catch (AuditorAccess.AccessDeniedException e) {
            return denied(headers, action, e.getMessage());
        }
        try {
            return read.run(session, params);
        } catch (IllegalArgumentException e) {
            return invalid(List.of(new Violation("query", e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("audit {} failed: {}", action, e.toString());
            return ApiResponses.problem(500, "Audit read failed", "the audit store could not answer; see the gateway log",
                    List.of());
        }
    }

    /** The caller as the access gate authenticated it (its principal headers; a client cannot set them). */
    static Principal principal(Map<String, Object> headers) {
        String user = single(headers.get(USER_HEADER));
        if (user == null || user.isBlank()) {
            throw new AuditorAccess.AccessDeniedException("name the caller in the " + USER_HEADER + " header");
        }
        if (!USER.matcher(user).matches()) {
            throw new AuditorAccess.AccessDeniedException(USER_HEADER + " must be 1-64 of A-Z a-z 0-9 . _ @ -");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String list = single(headers.get(ROLES_HEADER));
        if (list != null) {
            for (String r : list.split(",")) {
                String name = r.strip().toUpperCase(Locale.ROOT);
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return new Principal(ACTOR_PREFIX + user, roles);
    }

    private static String single(Object v) {
        if (v instanceof List<?> l) {
            return l.size() == 1 ? String.valueOf(l.get(0)) : null; // a repeated identity header counts as none
        }
        return v == null ? null : v.toString();
    }

    private ApiResponse denied(Map<String, Object> headers, String action, String why) {
        String user = single(headers.get(USER_HEADER));
        String actor = user != null && USER.matcher(user).matches() ? ACTOR_PREFIX + user : "unidentified";
        try {
            ledger.append(new AuditEvent(null, actor, AuditAction.AUDIT_ACCESS_DENIED.name(), null, null, null, null, null, null, null,
                    "DENIED", action));
        } catch (RuntimeException e) {
            LOG.error("could not record a refused audit read: {}", e.toString());
        }
        return ApiResponses.problem(403, "Forbidden", why, List.of(new Violation(ROLES_HEADER, "AUDITOR is required")));
    }

    /** Splits the raw query string; unknown, repeated, malformed and identity parameters are violations. */
    static List<Violation> parseQuery(Object rawQuery, Set<String> allowed, Map<String, String> out) {
        List<Violation> bad = new ArrayList<>();
        String raw = rawQuery == null ? "" : rawQuery.toString();
        if (raw.isEmpty()) {
            return bad;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                bad.add(new Violation(eq < 0 ? pair : pair.substring(0, eq), "malformed percent-encoding"));
                continue;
            }
            if (name.equalsIgnoreCase(USER_HEADER) || name.equalsIgnoreCase(ROLES_HEADER)) {
                bad.add(new Violation(name, "the caller's identity is read from the request headers only"));
            } else if (!allowed.contains(name)) {
                bad.add(new Violation(name, allowed.isEmpty() ? "takes no parameters"
                        : "unknown parameter; expected one of " + new java.util.TreeSet<>(allowed)));
            } else if (out.containsKey(name)) {
                bad.add(new Violation(name, "given more than once"));
            } else {
                out.put(name, value);
            }
        }
        return bad;
    }

    private static Instant instant(Map<String, String> params, String name, List<Violation> bad) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                bad.add(new Violation(name, "not an ISO-8601 instant (e.g. 2026-03-01T00:00:00Z)"));
                return null;
            }
        }
    }

    private static String text(Map<String, String> params, String name, int max, List<Violation> bad) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            bad.add(new Violation(name, "longer than " + max + " characters"));
            return null;
        }
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            bad.add(new Violation(name, "contains a control character"));
            return null;
        }
        return v;
    }

    private static int number(Map<String, String> params, String name, int dflt, int min, int max,
                              List<Violation> bad) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        bad.add(new Violation(name, "a whole number from " + min + " to " + max));
        return dflt;
    }

    private static Map<String, Object> eventView(LedgerRecord r) {
        AuditEvent e = r.event();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", r.seq());
        v.put("time", e.time());
        v.put("actor", e.actor());
        v.put("action", e.action());
        v.put("noticeId", e.noticeId());
        v.put("exchangeId", e.exchangeId());
        v.put("messageId", e.messageId());
        v.put("partnerId", e.partnerId());
        v.put("legalBasis", e.legalBasis());
        v.put("handlingCode", e.handlingCode());
        v.put("digest", e.digest());
        v.put("outcome", e.outcome());
        v.put("errorCode", e.errorCode());
        v.put("prevHash", r.prevHash());
        v.put("hash", r.hash());
        return v;
    }

    private ApiResponse invalid(List<Violation> bad) {
        return ApiResponses.problem(400, "Invalid query", bad.size() + " bad parameter(s)", bad);
    }
}
