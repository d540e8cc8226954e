package ca.passage.notice;

import ca.passage.xml.Violation;
import ca.passage.xml.XmlSchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns untrusted bytes (XML or JSON) into a valid {@link CaseNotice}, or refuses them with every violation:
 * size limit, then hardened parsing and the XSD, then the business rules.
 */
public final class NoticeParser {

    public static final String SCHEMA = "schemas/case-notice-1.1.xsd";

    private final XmlSchemaValidator schema = XmlSchemaValidator.fromClasspath(SCHEMA);
    private final XmlMapper xml = NoticeMappers.xml();
    private final JsonMapper json = NoticeMappers.json();
    private final NoticeRules rules;
    private final int maxBytes;
    private final Clock clock;

    public NoticeParser(NoticeRules rules, int maxBytes, Clock clock) {
        this.rules = rules;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public enum Format { XML, JSON }

    public CaseNotice parse(byte[] body, Format format) {
        if (body == null || body.length == 0) {
            throw new InvalidNoticeException("/", "the notice is empty");
        }
        if (body.length > maxBytes) {
            throw new InvalidNoticeException("/", "the notice is " + body.length + " bytes; the limit is " + maxBytes);
        }
        byte[] xmlBytes = format == Format.XML ? body : jsonToXml(body);
        List<Violation> violations = schema.validate(xmlBytes);
        if (!violations.isEmpty()) {
            throw new InvalidNoticeException(violations);
        }
        CaseNotice notice = readXml(xmlBytes);
        List<Violation> ruleViolations = rules.check(notice, LocalDate.now(clock));
        if (!ruleViolations.isEmpty()) {
            throw new InvalidNoticeException(ruleViolations);
        }
        return notice;
    }

    /** The canonical stored form of a notice: what the store keeps, whatever the intake format was. */
    public byte[] toXml(CaseNotice notice) {
        try {
            return xml.writeValueAsBytes(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notice " + notice.noticeId(), e);
        }
    }

    public CaseNotice readStored(byte[] storedXml) {
        return readXml(storedXml);
    }

    private CaseNotice readXml(byte[] xmlBytes) {
        try {
            return xml.readValue(xmlBytes, CaseNotice.class);
        } catch (IOException e) {
            throw new InvalidNoticeException("/", "not readable as a case notice: " + firstLine(e.getMessage()));
        }
    }

    private byte[] jsonToXml(byte[] body) {
        try {
            CaseNotice notice = json.readValue(body, CaseNotice.class);
            return toXml(notice);
        } catch (JsonMappingException e) {
            throw new InvalidNoticeException(jsonPath(e), e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidNoticeException("/", "not readable as JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String jsonPath(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + (ref.getIndex() + 1) + "]");
        }
        return "$" + parts.stream().map(p -> p.startsWith("[") ? p : "." + p).collect(Collectors.joining());
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
