package ca.passage.notice;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.List;

/**
 * A Canadian case notice (schema {@code schemas/case-notice-1.1.xsd}): what a liaison officer shares about a
 * human-trafficking case, and with which partners. {@code summary} is the case's own; {@code releaseSummary}
 * (case notice 1.1), when present, is the officer's text written for partners and is what leaves instead.
 */
@JacksonXmlRootElement(namespace = CaseNotice.NAMESPACE, localName = "CaseNotice")
public record CaseNotice(
        @JacksonXmlProperty(isAttribute = true) String schemaVersion,
        String noticeId,
        String nationalFileNumber,
        int version,
        String supersedes,
        Agency originatingAgency,
        RequestedAction requestedAction,
        Priority priority,
        LegalBasis legalBasis,
        Handling handling,
        Grading grading,
        NoticeDates dates,
        String language,
        String summary,
        String releaseSummary,
        Offence offence,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "event")
        List<TraffickingEvent> events,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "person")
        List<Person> persons,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "asset")
        List<Asset> assets,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "recipient")
        List<String> recipients) {

    public static final String NAMESPACE = "urn:ca:passage:notice:1";
    /** The version the translators write for notices they read from partners. */
    public static final String SCHEMA_VERSION = "1.0";
    /** The current version: 1.0 plus {@code releaseSummary}, a person's {@code estimatedAge} and {@code victimCare}. */
    public static final String SCHEMA_VERSION_1_1 = "1.1";

    /** A notice without a release summary (case notice 1.0, and the translators' inbound mapping). */
    public CaseNotice(String schemaVersion, String noticeId, String nationalFileNumber, int version, String supersedes,
                      Agency originatingAgency, RequestedAction requestedAction, Priority priority,
                      LegalBasis legalBasis, Handling handling, Grading grading, NoticeDates dates, String language,
                      String summary, Offence offence, List<TraffickingEvent> events, List<Person> persons,
                      List<Asset> assets, List<String> recipients) {
        this(schemaVersion, noticeId, nationalFileNumber, version, supersedes, originatingAgency, requestedAction,
                priority, legalBasis, handling, grading, dates, language, summary, null, offence, events, persons,
                assets, recipients);
    }

    public CaseNotice {
        events = Lists.copy(events);
        persons = Lists.copy(persons);
        assets = Lists.copy(assets);
        recipients = Lists.copy(recipients);
    }

    public List<Person> personsIn(PersonRole role) {
        return persons.stream().filter(p -> p.role() == role).toList();
    }

    /**
     * This notice as the lowest schema version that can hold it: 1.1 when it uses a 1.1 field (release summary, a
     * person's estimated age, a victim's victim-care fields), else as it is. The translators' inbound mapping uses it.
     */
    public CaseNotice atVersionItNeeds() {
        boolean needs11 = releaseSummary != null
                || persons.stream().anyMatch(p -> p.estimatedAge() != null || p.victimCare() != null);
        return !needs11 || SCHEMA_VERSION_1_1.equals(schemaVersion) ? this : new CaseNotice(SCHEMA_VERSION_1_1, noticeId,
                nationalFileNumber, version, supersedes, originatingAgency, requestedAction, priority, legalBasis,
                handling, grading, dates, language, summary, releaseSummary, offence, events, persons, assets,
                recipients);
    }

    public boolean hasMinorVictim() {
        return personsIn(PersonRole.VICTIM).stream().anyMatch(Person::minor);
    }
}
