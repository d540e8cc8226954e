package ca.passage.access;

import ca.passage.devtools.pki.DevPki;
import ca.passage.testing.RunningGateway;
import ca.passage.testing.TestAccess;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST route × every kind of caller, against the one {@link AccessTable}: people with each role (client
 * certificate and bearer token), anonymous, forged identity headers, an expired token, a token from a foreign
 * issuer, a revoked client certificate. A route missing from the table is a failure too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private RunningGateway running;

    /** A caller: how it authenticates and the roles it truly has (empty: it must get 401). */
    record Caller(String label, HttpClient client, UnaryOperator<HttpRequest.Builder> credentials, Set<Role> roles,
                  boolean authenticated) {
    }

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.builder().keys(keys -> {
            new DevPki().issueUser(keys, "revoked1", List.of("OFFICER", "SUPERVISOR", "OPERATOR", "AUDITOR", "ADMIN"));
            new DevPki().revokeUser(keys, "revoked1");
        }).start();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private List<Caller> callers;

    private List<Caller> callers() {
        if (callers == null) {
            callers = makeCallers();
        }
        return callers;
    }

    private List<Caller> makeCallers() {
        List<Caller> c = new ArrayList<>();
        UnaryOperator<HttpRequest.Builder> none = b -> b;
        c.add(new Caller("anonymous", running.anonymous(), none, Set.of(), false));
        c.add(new Caller("anonymous with forged identity headers", running.anonymous(), b -> b
                .header("X-Passage-User", "alice").header("X-Passage-Roles", "OFFICER,SUPERVISOR,OPERATOR,AUDITOR,ADMIN")
                .header(Principal.NAME_HEADER, "alice").header(Principal.ROLES_HEADER, "AUDITOR"), Set.of(), false));
        c.add(new Caller("expired token", running.anonymous(), bearer(TestAccess.expiredToken("olivia", allRoles())),
                Set.of(), false));
        c.add(new Caller("foreign issuer token", running.anonymous(), bearer(TestAccess.foreignToken("olivia", allRoles())),
                Set.of(), false));
        c.add(new Caller("revoked certificate", running.as("revoked1"), none, Set.of(), false));
        c.add(new Caller("officer1 cert", running.as("officer1"), none, Set.of(Role.OFFICER), true));
        c.add(new Caller("officer1 cert + forged headers", running.as("officer1"), b -> b
                .header("X-Passage-Roles", "AUDITOR,OPERATOR,SUPERVISOR").header(Principal.ROLES_HEADER, "AUDITOR"),
                Set.of(Role.OFFICER), true));
        c.add(new Caller("supervisor1 cert", running.as("supervisor1"), none, Set.of(Role.OFFICER, Role.SUPERVISOR), true));
        c.add(new Caller("operator1 cert", running.as("operator1"), none, Set.of(Role.OPERATOR), true));
        c.add(new Caller("auditor1 cert", running.as("auditor1"), none, Set.of(Role.AUDITOR), true));
        c.add(new Caller("admin1 cert", running.as("admin1"), none, Set.of(Role.ADMIN), true));
        for (Role r : Role.values()) {
            c.add(new Caller(r + " token", running.anonymous(),
                    bearer(TestAccess.token("tok-" + r.name().toLowerCase(Locale.ROOT), List.of(r.name()), Duration.ofMinutes(10))),
                    Set.of(r), true));
        }
        c.add(new Caller("token without Passage roles", running.anonymous(),
                bearer(TestAccess.token("tok-none", List.of("offline_access"), Duration.ofMinutes(10))), Set.of(), true));
        return c;
    }

    private static List<String> allRoles() {
        return EnumSet.allOf(Role.class).stream().map(Enum::name).toList();
    }

    private static UnaryOperator<HttpRequest.Builder> bearer(String token) {
        return b -> b.header("Authorization", "Bearer " + token);
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheOneTableSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (AccessTable.Rule rule : AccessTable.RULES) {
            String path = rule.path().replaceAll("\\{[^}]+}", "NO-SUCH-ID");
            for (Caller caller : callers()) {
                HttpResponse<String> r = call(caller, rule.method(), path);
                int expected = !caller.authenticated() ? 401
                        : caller.roles().stream().anyMatch(rule.roles()::contains) ? 0 : 403;
                boolean ok = expected == 0 ? r.statusCode() != 401 && r.statusCode() != 403 : r.statusCode() == expected;
                if (expected != 0) {
                    ok &= r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                }
                if (!ok) {
                    mismatches.add(rule.method() + " " + rule.path() + " as " + caller.label() + ": HTTP " + r.statusCode()
                            + " expected " + (expected == 0 ? "allowed" : expected) + " " + r.body());
                }
                checked++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(AccessTable.RULES.size() * callers().size());
    }

    @Test
    void everyRestRouteOfTheGatewayHasARowInTheTable() {
        Model model = running.gateway.camelContext().getCamelContextExtension().getContextPlugin(Model.class);
        List<String> routes = new ArrayList<>();
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String method = verb.asVerb().toUpperCase(Locale.ROOT);
                String path = rest.getPath() + (verb.getPath() == null ? "" : verb.getPath());
                if (!AccessGate.PARTNER_PATHS.contains(path)) {
                    routes.add(method + " " + path);
                }
            }
        }
        // Swagger UI's rows are static pages (ca.passage.api.SwaggerUi), not REST routes
        long restRows = AccessTable.RULES.stream().filter(r -> !r.path().startsWith(ca.passage.api.SwaggerUi.PATH)).count();
        assertThat(routes).hasSizeGreaterThanOrEqualTo((int) restRows);
        assertThat(routes).allSatisfy(r -> assertThat(AccessTable.ruleFor(r.split(" ")[0], r.split(" ")[1]))
                .as(r).isPresent());
    }

    @Test
    void aParameterOrFormFieldNamedLikeTheAuthenticatedIdentityIsRefusedNotMerged() throws Exception {
        Caller supervisor = callers().stream().filter(c -> c.label().equals("supervisor1 cert")).findFirst().orElseThrow();
        HttpResponse<String> query = call(supervisor, "POST", "/api/v1/notices/NO-SUCH-ID/approval?passageprincipal=supervisor2");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("names an identity header");
        HttpResponse<String> form = supervisor.client().send(HttpRequest.newBuilder(URI.create(running.baseUrl()
                + "/api/v1/notices/NO-SUCH-ID/approval")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("decision=APPROVE&PassagePrincipal=supervisor2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void aPathWithoutARowIsRefusedEvenToAnAdministrator() throws Exception {
        Caller admin = callers().stream().filter(c -> c.label().equals("admin1 cert")).findFirst().orElseThrow();
        HttpResponse<String> r = call(admin, "GET", "/api/v1/anything-new");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("no access rule");
    }

    @Test
    void deniedRequestsAreAuditedWithoutPersonalData() throws Exception {
        call(callers().get(0), "GET", "/api/v1/audit");
        Caller auditor = callers().stream().filter(c -> c.label().equals("auditor1 cert")).findFirst().orElseThrow();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(call(auditor, "GET", "/api/v1/audit?action=ACCESS_DENIED&size=500").body())
                        .contains("anonymous", "HTTP_401", "GET /api/v1/audit"));
    }

    @Test
    void tls11AndACbcSuiteAreRefusedWhileTls13AndTls12GcmAreServedOnBothListeners() throws Exception {
        for (int port : List.of(running.port, running.partnerPort)) {
            assertThat(handshake(port, "-tls1_1")).as("TLS 1.1 on " + port).isFalse();
            assertThat(handshake(port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256")).as("CBC on " + port).isFalse();
            assertThat(handshake(port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA")).as("CBC-SHA1 on " + port).isFalse();
            assertThat(handshake(port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256")).as("GCM on " + port).isTrue();
            assertThat(handshake(port, "-tls1_3")).as("TLS 1.3 on " + port).isTrue();
        }
    }

    /** openssl s_client with a client certificate (the partners' listener requires one); true when a session was made. */
    private boolean handshake(int port, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-CAfile", running.keys.resolve("ca.cert.pem").toString(),
                "-cert", running.keys.resolve("interpol-hub.tls.cert.pem").toString(),
                "-key", running.keys.resolve("interpol-hub.tls.key.pem").toString()));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write("Q\n".getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.contains("Verify return code: 0") && !out.contains("Cipher is (NONE)") && !out.contains("Cipher    : 0000");
    }

    private HttpResponse<String> call(Caller caller, String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        b = caller.credentials().apply(b);
        if (method.equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.GET();
        }
        return caller.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
