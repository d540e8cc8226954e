package ca.passage.console;

import ca.passage.access.Principal;
import ca.passage.xml.Violation;
import org.apache.camel.Body;
import org.apache.camel.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's forms: read a posted form, refuse it without this user's CSRF token (or from another origin), and
 * turn it into the body the REST API's bean takes, so the console and the API share one implementation of every
 * action (intake, approval, resend, cancel, suspend, resume).
 */
public final class ConsoleForms {

    /**
     * A posted form, checked: {@code refusal} is null when it may change state; otherwise {@code status} says how
     * it is answered (415 not a form, 400 a field the console does not post, 403 the CSRF check).
     */
    public record Form(Map<String, List<String>> fields, String refusal, int status) {
        public boolean refused() {
            return refusal != null;
        }

        public String field(String name) {
            List<String> v = fields.get(name);
            return v == null || v.isEmpty() ? "" : v.get(0).strip();
        }

        public List<String> all(String name) {
            return fields.getOrDefault(name, List.of());
        }
    }

    /** The common fields of the officer's form, and where in the notice each lands (violation paths start so). */
    public static final Map<String, String> NOTICE_FIELDS = fieldPaths();

    private static Map<String, String> fieldPaths() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("noticeId", "/CaseNotice/noticeId");
        m.put("nationalFileNumber", "/CaseNotice/nationalFileNumber");
        m.put("agencyCode", "/CaseNotice/originatingAgency/code");
        m.put("agencyName", "/CaseNotice/originatingAgency/name");
        m.put("contactName", "/CaseNotice/originatingAgency/pointOfContact/name");
        m.put("contactEmail", "/CaseNotice/originatingAgency/pointOfContact/email");
        m.put("kind", "/CaseNotice/requestedAction/kind");
        m.put("colour", "/CaseNotice/requestedAction/colour");
        m.put("priority", "/CaseNotice/priority");
        m.put("instrument", "/CaseNotice/legalBasis/instrument");
        m.put("agreementReference", "/CaseNotice/legalBasis/agreementReference");
        m.put("handlingCode", "/CaseNotice/handling");
        m.put("sourceGrade", "/CaseNotice/grading/source");
        m.put("informationGrade", "/CaseNotice/grading/information");
        m.put("expires", "/CaseNotice/dates");
        m.put("section", "/CaseNotice/offence/section");
        m.put("exploitationType", "/CaseNotice/offence/exploitationType");
        m.put("summary", "/CaseNotice/summary");
        m.put("person", "/CaseNotice/person");
        m.put("recipients", "/CaseNotice/recipient");
        m.put("document", "/");
        return Map.copyOf(m);
    }

    private final Csrf csrf;
    private final Clock clock;

    public ConsoleForms(Csrf csrf, Clock clock) {
        this.csrf = csrf;
        this.clock = clock;
    }

    /** Every field name a console form posts; a form with any other field is refused. */
    static final Set<String> FIELDS = Set.of(Csrf.FIELD, "decision", "partner", "recipients", "noticeId",
            "nationalFileNumber", "agencyCode", "agencyName", "contactName", "contactEmail", "kind", "colour", "priority",
            "instrument", "agreementReference", "handlingCode", "sourceGrade", "informationGrade", "expires", "language",
            "summary", "section", "exploitationType", "personRole", "familyName", "givenNames", "dateOfBirth", "sex",
            "nationality", "minor", "document");

    /**
     * Reads a posted {@code application/x-www-form-urlencoded} form and checks it may change state for this user.
     * The HTTP layer hands the fields over as a map and also copies them into the message headers: they are taken
     * out of the headers again, so a field never reaches the API's beans as a header, and a form with a field the
     * console does not post (one named like a header, say) is refused.
     */
    public Form read(@Body Object body, @Headers Map<String, Object> headers) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), v instanceof List<?> l
                    ? l.stream().map(ConsoleForms::text).toList() : List.of(text(v))));
        } else if (body instanceof byte[] bytes) {
            fields.putAll(parse(new String(bytes, StandardCharsets.UTF_8)));
        } else if (body != null) {
            fields.putAll(parse(body.toString()));
        }
        String type = String.valueOf(headers.getOrDefault("Content-Type", ""));
        List<String> unknown = fields.keySet().stream().filter(f -> !FIELDS.contains(f)).sorted().toList();
        fields.keySet().forEach(headers::remove);
        String user = Viewer.single(headers.get(Principal.NAME_HEADER));
        String refusal;
        int status = 403;
        if (user == null || user.isBlank()) {
            refusal = "the request carries no single authenticated user";
            status = 400;
        } else if (!type.startsWith("application/x-www-form-urlencoded")) {
            refusal = "the console's forms post application/x-www-form-urlencoded";
            status = 415;
        } else if (!unknown.isEmpty()) {
            refusal = "the form has fields the console does not post: " + unknown;
            status = 400;
        } else {
            List<String> token = fields.getOrDefault(Csrf.FIELD, List.of());
            refusal = csrf.refusal(user, token.size() == 1 ? token.get(0) : null,
                    Viewer.single(headers.get("Origin")), Viewer.single(headers.get("Sec-Fetch-Site")),
                    Viewer.single(headers.get("Host")));
        }
        return new Form(fields, refusal, status);
    }

    /** The notice the officer submits: the pasted or uploaded document as it is, or one built from the fields. */
    public byte[] notice(Form form) {
        String document = form.field("document");
        if (!document.isEmpty()) {
            return document.getBytes(StandardCharsets.UTF_8);
        }
        return noticeXml(form).getBytes(StandardCharsets.UTF_8);
    }

    /** The content type the intake reads the notice as. */
    public String noticeType(Form form) {
        String document = form.field("document");
        return document.startsWith("{") ? "application/json" : "application/xml";
    }

    /** The approval API's body: the decision, and the partners it covers (none listed: every held exchange). */
    public byte[] approval(Form form) {
        StringBuilder json = new StringBuilder("{\"decision\":\"")
                .append("REJECT".equals(form.field("decision")) ? "REJECT" : "APPROVE").append('"');
        List<String> partners = form.all("partner").stream().filter(p -> p.matches("[a-z0-9-]{1,64}")).toList();
        if (!partners.isEmpty()) {
            json.append(",\"partners\":[");
            for (int i = 0; i < partners.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(partners.get(i)).append('"');
            }
            json.append(']');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The form field a violation belongs to ({@code general} when none of the form's fields). */
    public static String fieldOf(Violation v, boolean fromDocument) {
        if (fromDocument) {
            return "document";
        }
        String best = "general";
        int bestLength = 0;
        for (Map.Entry<String, String> f : NOTICE_FIELDS.entrySet()) {
            String p = f.getValue();
            if (!p.equals("/") && v.path().startsWith(p) && p.length() > bestLength) {
                best = f.getKey();
                bestLength = p.length();
            }
        }
        return best;
    }

    private String noticeXml(Form f) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<cn:CaseNotice xmlns:cn=\"urn:ca:passage:notice:1\" schemaVersion=\"1.1\">\n");
        el(x, "noticeId", f.field("noticeId"));
        el(x, "nationalFileNumber", f.field("nationalFileNumber"));
        el(x, "version", "1");
        x.append("<originatingAgency>");
        el(x, "code", f.field("agencyCode"));
        el(x, "name", f.field("agencyName"));
        x.append("<pointOfContact>");
        el(x, "name", f.field("contactName"));
        el(x, "email", f.field("contactEmail"));
        x.append("</pointOfContact></originatingAgency>\n<requestedAction>");
        el(x, "kind", f.field("kind"));
        if (!f.field("colour").isEmpty()) {
            el(x, "colour", f.field("colour"));
        }
        x.append("</requestedAction>\n");
        el(x, "priority", f.field("priority"));
        x.append("<legalBasis>");
        el(x, "instrument", f.field("instrument"));
        if (!f.field("agreementReference").isEmpty()) {
            el(x, "agreementReference", f.field("agreementReference"));
        }
        x.append("</legalBasis>\n<handling>");
        el(x, "code", f.field("handlingCode"));
        x.append("</handling>\n<grading>");
        el(x, "source", f.field("sourceGrade"));
        el(x, "information", f.field("informationGrade"));
        x.append("</grading>\n<dates>");
        el(x, "created", Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        if (!f.field("expires").isEmpty()) {
            el(x, "expires", f.field("expires"));
        }
        x.append("</dates>\n");
        el(x, "language", f.field("language").isEmpty() ? "en" : f.field("language"));
        if (!f.field("summary").isEmpty()) {
            el(x, "summary", f.field("summary"));
        }
        x.append("<offence>");
        for (String s : f.field("section").split("[,\\s]+")) {
            el(x, "section", s);
        }
        el(x, "exploitationType", f.field("exploitationType"));
        x.append("</offence>\n");
        if (!f.field("personRole").isEmpty()) {
            x.append("<person personId=\"P1\">");
            el(x, "role", f.field("personRole"));
            optional(x, "familyName", f.field("familyName"));
            optional(x, "givenNames", f.field("givenNames"));
            optional(x, "dateOfBirth", f.field("dateOfBirth"));
            el(x, "sex", f.field("sex").isEmpty() ? "UNKNOWN" : f.field("sex"));
            optional(x, "nationality", f.field("nationality"));
            el(x, "minor", f.field("minor").isEmpty() ? "false" : "true");
            x.append("</person>\n");
        }
        for (String r : f.all("recipients")) {
            el(x, "recipient", r);
        }
        return x.append("</cn:CaseNotice>\n").toString();
    }

    private static void optional(StringBuilder x, String name, String value) {
        if (!value.isEmpty()) {
            el(x, name, value);
        }
    }

    private static void el(StringBuilder x, String name, String value) {
        x.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // a malformed pair is dropped; the fields it would have set are then reported missing
            }
        }
        return out;
    }

    /** Fields the officer's form keeps when it is shown again with errors (never the CSRF token). */
    public static final Set<String> KEPT = Set.of("noticeId", "nationalFileNumber", "agencyCode", "agencyName",
            "contactName", "contactEmail", "kind", "colour", "priority", "instrument", "agreementReference",
            "handlingCode", "sourceGrade", "informationGrade", "expires", "language", "summary", "section",
            "exploitationType", "personRole", "familyName", "givenNames", "dateOfBirth", "sex", "nationality",
            "minor", "document");
}
