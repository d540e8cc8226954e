package ca.passage.notice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDate;
import java.util.List;

/**
 * A person in the case, by role. {@code estimatedAge} (case notice 1.1) is the officer's estimate, in years, for a
 * person without a date of birth; {@code victimCare} (1.1, victims only) the victim-centred fields. Everything here is personal data: it never reaches logs or the audit trail. */
public record Person(
        @JacksonXmlProperty(isAttribute = true) String personId,
        PersonRole role,
        String familyName,
        String givenNames,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "alias")
        List<String> aliases,
        LocalDate dateOfBirth,
        Integer estimatedAge,
        Sex sex,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "nationality")
        List<String> nationalities,
        Location placeOfBirth,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "language")
        List<String> languages,
        PhysicalDescription physicalDescription,
        boolean minor,
        LocalDate missingSince,
        String fatherName,
        String motherName,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "document")
        List<IdentityDocument> documents,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "phone")
        List<String> phones,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "email")
        List<String> emails,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "socialMediaAccount")
        List<SocialMediaHandle> socialMedia,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "organisation")
        List<Organisation> organisations,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "vehicle")
        List<Vehicle> vehicles,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "financialAccount")
        List<FinancialAccount> financialAccounts,
        Warrant warrant,
        VictimCare victimCare) {

    /** A person without victim-care fields (case notice 1.0 fields and the estimated age). */
    public Person(String personId, PersonRole role, String familyName, String givenNames, List<String> aliases,
                  LocalDate dateOfBirth, Integer estimatedAge, Sex sex, List<String> nationalities,
                  Location placeOfBirth, List<String> languages, PhysicalDescription physicalDescription,
                  boolean minor, LocalDate missingSince, String fatherName, String motherName,
                  List<IdentityDocument> documents, List<String> phones, List<String> emails,
                  List<SocialMediaHandle> socialMedia, List<Organisation> organisations, List<Vehicle> vehicles,
                  List<FinancialAccount> financialAccounts, Warrant warrant) {
        this(personId, role, familyName, givenNames, aliases, dateOfBirth, estimatedAge, sex, nationalities,
                placeOfBirth, languages, physicalDescription, minor, missingSince, fatherName, motherName, documents,
                phones, emails, socialMedia, organisations, vehicles, financialAccounts, warrant, null);
    }

    /** A person without an estimated age (case notice 1.0, and the translators' inbound mapping). */
    public Person(String personId, PersonRole role, String familyName, String givenNames, List<String> aliases,
                  LocalDate dateOfBirth, Sex sex, List<String> nationalities, Location placeOfBirth,
                  List<String> languages, PhysicalDescription physicalDescription, boolean minor,
                  LocalDate missingSince, String fatherName, String motherName, List<IdentityDocument> documents,
                  List<String> phones, List<String> emails, List<SocialMediaHandle> socialMedia,
                  List<Organisation> organisations, List<Vehicle> vehicles, List<FinancialAccount> financialAccounts,
                  Warrant warrant) {
        this(personId, role, familyName, givenNames, aliases, dateOfBirth, null, sex, nationalities, placeOfBirth,
                languages, physicalDescription, minor, missingSince, fatherName, motherName, documents, phones, emails,
                socialMedia, organisations, vehicles, financialAccounts, warrant);
    }

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

    /** This person with other victim-care fields (the translators' inbound mapping). */
    public Person withVictimCare(VictimCare care) {
        return new Person(personId, role, familyName, givenNames, aliases, dateOfBirth, estimatedAge, sex,
                nationalities, placeOfBirth, languages, physicalDescription, minor, missingSince, fatherName,
                motherName, documents, phones, emails, socialMedia, organisations, vehicles, financialAccounts,
                warrant, care);
    }

    @JsonIgnore
    public boolean isMissing() {
        return missingSince != null;
    }
}
