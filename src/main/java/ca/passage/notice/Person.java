package ca.passage.notice;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDate;
import java.util.List;

/** A person in the case, by role. Everything here is personal data: it never reaches logs or the audit trail. */
public record Person(
        @JacksonXmlProperty(isAttribute = true) String personId,
        PersonRole role,
        String familyName,
        String givenNames,
        @JacksonXmlElementWrapper(localName = "aliases") @JacksonXmlProperty(localName = "alias")
        List<String> aliases,
        LocalDate dateOfBirth,
        Sex sex,
        @JacksonXmlElementWrapper(localName = "nationalities") @JacksonXmlProperty(localName = "country")
        List<String> nationalities,
        Location placeOfBirth,
        @JacksonXmlElementWrapper(localName = "languages") @JacksonXmlProperty(localName = "language")
        List<String> languages,
        PhysicalDescription physicalDescription,
        boolean minor,
        LocalDate missingSince,
        String fatherName,
        String motherName,
        @JacksonXmlElementWrapper(localName = "documents") @JacksonXmlProperty(localName = "document")
        List<IdentityDocument> documents,
        @JacksonXmlElementWrapper(localName = "phones") @JacksonXmlProperty(localName = "phone")
        List<String> phones,
        @JacksonXmlElementWrapper(localName = "emails") @JacksonXmlProperty(localName = "email")
        List<String> emails,
        @JacksonXmlElementWrapper(localName = "socialMedia") @JacksonXmlProperty(localName = "account")
        List<SocialMediaHandle> socialMedia,
        @JacksonXmlElementWrapper(localName = "organisations") @JacksonXmlProperty(localName = "organisation")
        List<Organisation> organisations,
        @JacksonXmlElementWrapper(localName = "vehicles") @JacksonXmlProperty(localName = "vehicle")
        List<Vehicle> vehicles,
        @JacksonXmlElementWrapper(localName = "financialAccounts") @JacksonXmlProperty(localName = "account")
        List<FinancialAccount> financialAccounts,
        Warrant warrant) {

    public Person {
        aliases = Lists.copy(aliases);
        nationalities = Lists.copy(nationalities);
        languages = Lists.copy(languages);
        documents = Lists.copy(documents);
        phones = Lists.copy(phones);
        emails = Lists.copy(emails);
        socialMedia = Lists.copy(socialMedia);
        organisations = Lists.copy(organisations);
        vehicles = Lists.copy(vehicles);
        financialAccounts = Lists.copy(financialAccounts);
    }

    public boolean isMissing() {
        return missingSince != null;
    }
}
