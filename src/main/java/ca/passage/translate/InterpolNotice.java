package ca.passage.translate;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The INTERPOL-style notice ({@code schemas/interpol-notice-1.0.xsd}). Field names follow INTERPOL's public notice
 * data (snake_case, {@code *_id} for coded values); repeated fields repeat the element, one value each, as the
 * public data's arrays do. Written with the snake_case naming strategy; explicit names are for repeated elements.
 */
@JacksonXmlRootElement(namespace = InterpolNotice.NAMESPACE, localName = "notice")
public record InterpolNotice(
        @JacksonXmlProperty(isAttribute = true) String formatVersion,
        String noticeReference,
        String nationalFileNumber,
        int version,
        String supersedes,
        String noticeType,
        String colour,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "diffusion_country_id")
        List<String> diffusionCountryIds,
        String requestingCountryId,
        RequestingEntity requestingEntity,
        String urgency,
        LegalBasis legalBasis,
        Handling handling,
        Grading grading,
        OffsetDateTime dateOfPublication,
        LocalDate reviewDate,
        LocalDate expiryDate,
        String languageId,
        String summary,
        Offence offence,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "event")
        List<Event> events,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "person")
        List<Person> persons,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "asset")
        List<Asset> assets) {

    public static final String NAMESPACE = "urn:passage:partner:interpol-notice:1";

    public record RequestingEntity(String code, String name, String contactName, String contactRole,
                                   String contactEmail, String contactPhone) {
    }

    public record LegalBasis(String instrument, String agreementReference) {
    }

    public record Handling(String code, String restriction) {
    }

    public record Grading(String sourceReliability, String informationAccuracy) {
    }

    public record Offence(
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "charge_id")
            List<String> chargeIds,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "exploitation_type_id")
            List<String> exploitationTypeIds,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "control_method_id")
            List<String> controlMethodIds,
            String recruitment,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "online_platform")
            List<String> onlinePlatforms,
            String modusOperandi,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "concealment_methods")
            List<String> concealmentMethods) {
    }

    public record Event(
            String eventTypeId,
            LocalDate dateOfEvent,
            String placeOfEvent,
            String countryOfEventId,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "route_country_id")
            List<String> routeCountryIds) {
    }

    public record Person(
            @JacksonXmlProperty(isAttribute = true, localName = "entity_id") String entityId,
            String roleId,
            String name,
            String forename,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "other_names")
            List<String> otherNames,
            LocalDate dateOfBirth,
            String ageBand,
            String sexId,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "nationalities")
            List<String> nationalities,
            String placeOfBirth,
            String countryOfBirthId,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "languages_spoken_ids")
            List<String> languagesSpokenIds,
            BigDecimal height,
            Integer weight,
            String eyesColorsId,
            String hairsId,
            String distinguishingMarks,
            @JacksonXmlProperty(localName = "is_minor") boolean minor,
            LocalDate dateOfEvent,
            String placeOfEvent,
            String countryOfEventId,
            String fatherName,
            String motherName,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "identity_documents")
            List<IdentityDocument> identityDocuments,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "phone_numbers")
            List<String> phoneNumbers,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "emails")
            List<String> emails,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "social_media")
            List<SocialMedia> socialMedia,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "organisations")
            List<Organisation> organisations,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "vehicles")
            List<Vehicle> vehicles,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "financial_accounts")
            List<FinancialAccount> financialAccounts,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "arrest_warrants")
            List<ArrestWarrant> arrestWarrants,
            PartnerVictimCare victimCare) {
    }

    public record IdentityDocument(String documentTypeId, String documentNumber, String issuingCountryId,
                                   LocalDate expiryDate) {
    }

    public record SocialMedia(String platform, String handle) {
    }

    public record Organisation(String name, String type, String countryId) {
    }

    public record Vehicle(String make, String model, String colour, String registration, String registrationCountryId) {
    }

    public record FinancialAccount(String institution, String accountNumber, String countryId, String currencyId) {
    }

    public record ArrestWarrant(String reference, String issuingAuthority, String issuingCountryId, LocalDate dateOfIssue,
                                String charge, String chargeTranslation) {
    }

    public record Asset(String assetType, String description, BigDecimal estimatedValue, String currencyId,
                        String countryId) {
    }
}
