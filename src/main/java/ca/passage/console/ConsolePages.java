package ca.passage.console;

import ca.passage.access.Role;
import ca.passage.api.ApiResponse;
import ca.passage.api.AuditApi;
import ca.passage.crypto.CertificateInfo;
import ca.passage.crypto.KeyDirectory;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.partner.PartnerSuspensions;
import ca.passage.report.StatisticsFormat;
import ca.passage.report.StatisticsReport;
import ca.passage.report.StatisticsSource;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeRecord;
import ca.passage.xml.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's pages, rendered on the server with jte (templates in {@code src/main/jte}, compiled at build time).
 * Pages read what the REST API reads (the store, the ledger through {@link AuditApi}, the statistics of
 * {@code ca.passage.report}); every action goes through the API's own routes and beans, and this class only turns
 * their answer into a page: a redirect on success, the problem and its violations otherwise.
 */
public final class ConsolePages {

    /** Where the console is served on the officers' listener; its pages are not part of the REST API's document. */
    public static final String PATH = "/console";


    /** Assets the console serves, by the one name each is asked for (nothing else is served). */
    private static final Map<String, String[]> ASSETS = Map.of(
            "console.css", new String[] {"console/console.css", "text/css; charset=utf-8"},
            "console.js", new String[] {"console/console.js", "text/javascript; charset=utf-8"},
            "charts.js", new String[] {"console/charts.js", "text/javascript; charset=utf-8"},
            "uPlot.iife.min.js", new String[] {"META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                    "text/javascript; charset=utf-8"},
            "uPlot.min.css", new String[] {"META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css",
                    "text/css; charset=utf-8"});
    private static final int LIST_LIMIT = 50;
    private static final Duration CHART_WINDOW = Duration.ofDays(30);

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final JsonMapper json = new JsonMapper();
    private final Csrf csrf;
    private final ConsoleQueries queries;
    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final PartnerSuspensions suspensions;
    private final KeyDirectory keys;
    private final DataSource dataSource;
    private final Clock clock;

    public ConsolePages(Csrf csrf, ConsoleQueries queries, ExchangeStore store, PartnerRegistry partners,
                        PartnerSuspensions suspensions, KeyDirectory keys, DataSource dataSource, Clock clock) {
        this.csrf = csrf;
        this.queries = queries;
        this.store = store;
        this.partners = partners;
        this.suspensions = suspensions;
        this.keys = keys;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public ConsolePage home(@Headers Map<String, Object> headers) {
        Viewer v = viewer(headers);
        return page(v, "home", Map.of());
    }

    public ConsolePage officer(@Headers Map<String, Object> headers) {
        Viewer v = viewer(headers);
        return officerPage(v, 200, Map.of(), Map.of(), null);
    }

    /** After the intake's answer: to the new notice's page, or the form again with each error beside its field. */
    public ConsolePage afterSubmit(@Headers Map<String, Object> headers, @Body String answer,
                                   @Header("CamelHttpResponseCode") Integer status,
                                   @ExchangeProperty("form") ConsoleForms.Form form) {
        Viewer v = viewer(headers);
        JsonNode body = parse(answer);
        if (status != null && status == 202) {
            return ConsolePage.redirect("/console/notices/" + body.path("noticeId").asText() + "?done=submitted");
        }
        boolean fromDocument = !form.field("document").isEmpty();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode n : body.path("violations")) {
            Violation violation = new Violation(n.path("path").asText(), n.path("message").asText());
            errors.computeIfAbsent(ConsoleForms.fieldOf(violation, fromDocument), k -> new ArrayList<>())
                    .add(violation.path() + ": " + violation.message());
        }
        if (errors.isEmpty()) {
            errors.put(fromDocument ? "document" : "general", List.of(body.path("detail").asText(body.path("title").asText())));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        ConsoleForms.KEPT.forEach(k -> kept.put(k, form.field(k)));
        kept.put("recipients", String.join(",", form.all("recipients")));
        return officerPage(v, status == null ? 400 : status, kept, errors, body.path("title").asText());
    }

    private ConsolePage officerPage(Viewer v, int status, Map<String, String> values, Map<String, List<String>> errors,
                                    String problem) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("values", values);
        model.put("errors", errors);
        model.put("problem", problem);
        model.put("partners", partners.all().stream().map(PartnerProfile::id).sorted().toList());
        model.put("notices", queries.noticesSubmittedBy("officer:" + v.name(), LIST_LIMIT));
        return page(v, status, "officer", model);
    }

    /**
     * A notice, each partner's exchange, and (for officers and supervisors) what will leave for each partner:
     * {@code preview} is the preview API's JSON answer, or empty where this gateway has none.
     */
    public ConsolePage notice(@Headers Map<String, Object> headers, @Header("id") String noticeId,
                              @ExchangeProperty("preview") String preview) {
        Viewer v = viewer(headers);
        Optional<NoticeRecord> notice = store.findNotice(noticeId);
        if (notice.isEmpty()) {
            return problem(v, 404, "Not found", "no notice " + noticeId, List.of());
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("notice", notice.get());
        model.put("exchanges", queries.exchangesOf(noticeId));
        JsonNode p = preview == null || preview.isBlank() ? null : parse(preview);
        model.put("preview", p != null && p.has("partners") ? p.path("partners") : null);
        model.put("done", query(headers, "done"));
        return page(v, "notice", model);
    }

    public ConsolePage exchange(@Headers Map<String, Object> headers, @Header("id") String exchangeId) {
        Viewer v = viewer(headers);
        return store.findExchange(exchangeId).map(e -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("exchange", e);
            model.put("timeline", queries.timeline(exchangeId));
            return page(v, "exchange", model);
        }).orElseGet(() -> problem(v, 404, "Not found", "no exchange " + exchangeId, List.of()));
    }

    public ConsolePage supervisor(@Headers Map<String, Object> headers) {
        Viewer v = viewer(headers);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("held", queries.heldNotices(LIST_LIMIT));
        model.put("done", query(headers, "done"));
        return page(v, "supervisor", model);
    }

    /** One partner's line on the operator's page. */
    public record PartnerLine(String id, String name, String channel, boolean suspended, ConsoleQueries.PartnerFigures figures,
                              Instant certificateExpiry, boolean expiresSoon) {
    }

    public ConsolePage operator(@Headers Map<String, Object> headers) {
        Viewer v = viewer(headers);
        Map<String, ConsoleQueries.PartnerFigures> figures = queries.partnerFigures();
        List<CertificateInfo> certificates = keys.describe();
        Instant soon = clock.instant().plus(Duration.ofDays(30));
        List<PartnerLine> lines = new ArrayList<>();
        for (PartnerProfile p : partners.all().stream().sorted(Comparator.comparing(PartnerProfile::id)).toList()) {
            Instant expiry = certificates.stream().filter(CertificateInfo::current)
                    .filter(c -> c.file().startsWith(p.id() + ".") && c.file().endsWith(".cert.pem"))
                    .map(CertificateInfo::notAfter).min(Comparator.naturalOrder()).orElse(null);
            lines.add(new PartnerLine(p.id(), p.name(), p.channel().type(), suspensions.isSuspended(p.id()),
                    figures.getOrDefault(p.id(), new ConsoleQueries.PartnerFigures(null, 0, 0, 0)), expiry,
                    expiry != null && expiry.isBefore(soon)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("partners", lines);
        model.put("notices", queries.latestNotices(LIST_LIMIT));
        model.put("done", query(headers, "done"));
        return page(v, "operator", model);
    }

    /** The auditor's search: {@code answer} is the audit API's JSON for the same query string. */
    public ConsolePage audit(@Headers Map<String, Object> headers, @Body String answer,
                             @Header("CamelHttpResponseCode") Integer status) {
        Viewer v = viewer(headers);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("query", AuditQueryView.of(headers));
        model.put("result", parse(answer));
        model.put("status", status == null ? 200 : status);
        return page(v, status == null ? 200 : status, "audit", model);
    }

    public ConsolePage verify(@Headers Map<String, Object> headers, @Body String answer,
                              @Header("CamelHttpResponseCode") Integer status) {
        Viewer v = viewer(headers);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("result", parse(answer));
        model.put("checkpoint", queries.lastCheckpoint().orElse(null));
        return page(v, status == null ? 200 : status, "verify", model);
    }

    public ConsolePage disclosures(@Headers Map<String, Object> headers, @Body String answer,
                                   @Header("CamelHttpResponseCode") Integer status) {
        Viewer v = viewer(headers);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("query", AuditQueryView.of(headers));
        model.put("result", parse(answer));
        return page(v, status == null ? 200 : status, "disclosures", model);
    }

    /** The export as a download, or the refusal as a page. */
    public ConsolePage download(@Headers Map<String, Object> headers, @Body AuditApi.Download download) {
        if (download.refused()) {
            return afterAction(headers, download.problem().json(), download.problem().status(), "/console/audit");
        }
        return new ConsolePage(200, download.contentType(), download.content(), null, null, download.fileName());
    }

    public ConsolePage charts(@Headers Map<String, Object> headers) {
        Viewer v = viewer(headers);
        Instant from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant()
                .minus(CHART_WINDOW);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("perDay", queries.exchangesPerDay(from));
        data.put("latency", queries.acknowledgementLatency(from));
        data.put("refusals", queries.inboundRefusals(from));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("data", data);
        try {
            model.put("json", json.writeValueAsString(data));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the chart data", e);
        }
        return page(v, "charts", model);
    }

    /** The public statistics of {@code ca.passage.report}, small cells withheld, for {@code ?from=&to=} (this year). */
    public ConsolePage statistics(@Headers Map<String, Object> headers) {
        Viewer v = viewer(headers);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Violation> bad = new ArrayList<>();
        LocalDate from = date(query(headers, "from"), today.withDayOfYear(1), "from", bad);
        LocalDate to = date(query(headers, "to"), today, "to", bad);
        if (bad.isEmpty() && to.isBefore(from)) {
            bad.add(new Violation("to", "must not be before 'from'"));
        }
        if (!bad.isEmpty()) {
            return problem(v, 400, "Invalid period", "give from and to as dates (YYYY-MM-DD)", bad);
        }
        StatisticsReport report = new StatisticsSource(dataSource, id -> partners.find(id).map(PartnerProfile::country)
                .orElse(null)).report(from, to, StatisticsSource.DEFAULT_THRESHOLD);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", from);
        model.put("to", to);
        model.put("tables", StatisticsFormat.tablesHtml(report));
        model.put("suppressed", report.tables().stream().mapToInt(t -> t.suppressedCount()).sum());
        return page(v, "statistics", model);
    }

    /** The language switch: remembers the choice in a cookie and goes back to the page it was chosen on. */
    public ConsolePage language(@Headers Map<String, Object> headers, @Header("code") String code) {
        Lang lang = Lang.of(code);
        if (lang == null) {
            return problem(viewer(headers), 404, "Not found", "no language " + code, List.of());
        }
        String back = query(headers, "back");
        String location = back != null && back.matches("/console(/[A-Za-z0-9._~/-]*)?") ? back : "/console/";
        return ConsolePage.redirect(location).withCookie(Lang.COOKIE + "=" + lang.code()
                + "; Path=/console; Max-Age=31536000; Secure; HttpOnly; SameSite=Strict");
    }

    public ConsolePage asset(@Header("name") String name) {
        String[] asset = ASSETS.get(name);
        if (asset == null) {
            return ConsolePage.html(404, "not found");
        }
        try (InputStream in = ConsolePages.class.getClassLoader().getResourceAsStream(asset[0])) {
            if (in == null) {
                return ConsolePage.html(404, "not found");
            }
            return new ConsolePage(200, asset[1], in.readAllBytes(), null, null, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + asset[0], e);
        }
    }

    /** A request the console cannot attribute to one authenticated user (a repeated identity header, say). */
    public ConsolePage badRequest(@ExchangeProperty("CamelExceptionCaught") Exception e) {
        return ConsolePage.html(400, "<!DOCTYPE html><title>Bad request</title><p>Bad request: "
                + ConsoleForms.escape(e == null ? "" : e.getMessage()) + "</p>");
    }

    /** A form the CSRF check refused: nothing was done. */
    public ConsolePage refused(@Headers Map<String, Object> headers, @ExchangeProperty("form") ConsoleForms.Form form) {
        return problem(viewer(headers), form.status(), form.status() == 403 ? "Forbidden" : "Bad request",
                form.refusal(), List.of());
    }

    /** After an action through the API's route: back to {@code back} on success, the API's problem otherwise. */
    public ConsolePage afterAction(@Headers Map<String, Object> headers, @Body String answer,
                                   @Header("CamelHttpResponseCode") Integer status,
                                   @ExchangeProperty("back") String back) {
        int code = status == null ? 500 : status;
        if (code >= 200 && code < 300) {
            return ConsolePage.redirect(back + (back.contains("?") ? "&" : "?") + "done=" + doneKey(back, headers));
        }
        JsonNode problem = parse(answer);
        List<Violation> violations = new ArrayList<>();
        problem.path("violations").forEach(n -> violations.add(new Violation(n.path("path").asText(), n.path("message").asText())));
        return problem(viewer(headers), code, problem.path("title").asText("Refused"), problem.path("detail").asText(),
                violations);
    }

    private static String doneKey(String back, Map<String, Object> headers) {
        String uri = String.valueOf(headers.getOrDefault("CamelHttpPath", headers.getOrDefault("CamelHttpUri", "")));
        return uri.substring(uri.lastIndexOf('/') + 1).replaceAll("[^a-z]", "");
    }

    private ConsolePage problem(Viewer v, int status, String title, String detail, List<Violation> violations) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("detail", detail);
        model.put("violations", violations);
        return page(v, status, "problem", model);
    }

    private ConsolePage page(Viewer v, String template, Map<String, Object> model) {
        return page(v, 200, template, model);
    }

    private ConsolePage page(Viewer v, int status, String template, Map<String, Object> model) {
        StringOutput out = new StringOutput();
        Map<String, Object> params = new LinkedHashMap<>(model);
        params.put("v", v);
        templates.render(template + ".jte", params, out);
        return ConsolePage.html(status, out.toString());
    }

    private Viewer viewer(Map<String, Object> headers) {
        return Viewer.of(headers, csrf);
    }

    private JsonNode parse(String answer) {
        try {
            return answer == null || answer.isBlank() ? json.createObjectNode() : json.readTree(answer);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    static String query(Map<String, Object> headers, String name) {
        Object raw = headers.get("CamelHttpQuery");
        Map<String, List<String>> params = ConsoleForms.parse(raw == null ? "" : raw.toString());
        List<String> v = params.get(name);
        return v == null || v.size() != 1 ? null : v.get(0);
    }

    private static LocalDate date(String text, LocalDate dflt, String name, List<Violation> bad) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            bad.add(new Violation(name, "not a date (YYYY-MM-DD)"));
            return dflt;
        }
    }

    /** The auditor's search fields as typed, to show them again in the form. */
    public record AuditQueryView(Map<String, String> values) {
        static AuditQueryView of(Map<String, Object> headers) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String k : List.of("from", "to", "partner", "notice", "exchange", "actor", "action", "outcome", "page")) {
                String q = query(headers, k);
                values.put(k, q == null ? "" : q);
            }
            return new AuditQueryView(values);
        }

        public String get(String k) {
            return values.getOrDefault(k, "");
        }
    }

    /** A JSON object's field names, in order (the disclosure report's columns). */
    public static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The role names a viewer has, for the page header. */
    public static List<String> roleNames(Viewer v) {
        return v.roles().stream().map(Role::name).sorted().toList();
    }
}
