package ca.passage.notice;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.List;

/**
 * A Canadian case notice (schema {@code schemas/case-notice-1.0.xsd}): what a liaison officer shares about a
 * human-trafficking case, and with which partners.
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
    public static final String SCHEMA_VERSION = "1.0";

    public CaseNotice {
        events = Lists.copy(events);
        persons = Lists.copy(persons);
        assets = Lists.copy(assets);
        recipients = Lists.copy(recipients);
    }

    public List<Person> personsIn(PersonRole role) {
        return persons.stream().filter(p -> p.role() == role).toList();
    }

    public boolean hasMinorVictim() {
        return personsIn(PersonRole.VICTIM).stream().anyMatch(Person::minor);
    }
}
