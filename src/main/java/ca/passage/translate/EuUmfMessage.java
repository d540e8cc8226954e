package ca.passage.translate;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The EU agency message, SIENA/UMF-style ({@code schemas/eu-umf-1.0.xsd}): a header (handling code, grading,
 * priority), then entities (Case, Person, Document, Vehicle, Location, Organisation, MeansOfCommunication,
 * FinancialAccount) with ids, and Links between entity ids. Written with the UpperCamelCase naming strategy.
 */
@JacksonXmlRootElement(namespace = EuUmfMessage.NAMESPACE, localName = "Message")
public record EuUmfMessage(
        @JacksonXmlProperty(isAttribute = true, localName = "umfVersion") String umfVersion,
        Header header,
        @JacksonXmlProperty(localName = "Case") CaseEntity caseEntity,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Person")
        List<PersonEntity> persons,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Document")
        List<DocumentEntity> documents,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Vehicle")
        List<VehicleEntity> vehicles,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Location")
        List<LocationEntity> locations,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Organisation")
        List<OrganisationEntity> organisations,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "MeansOfCommunication")
        List<CommunicationEntity> communications,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "FinancialAccount")
        List<AccountEntity> accounts,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Link")
        List<Link> links) {

    public static final String NAMESPACE = "urn:passage:partner:eu-umf:1";

    public record Header(
            String messageId,
            String nationalFileNumber,
            int version,
            String supersedes,
            String senderCountry,
            SenderAgency senderAgency,
            String requestType,
            String noticeColour,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "DiffusionCountry")
            List<String> diffusionCountries,
            String priority,
            String handlingCode,
            String handlingRestriction,
            String sourceGrading,
            String informationGrading,
            String legalBasis,
            String agreementReference,
            OffsetDateTime created,
            LocalDate reviewBy,
            LocalDate expires,
            String language) {
    }

    public record SenderAgency(String code, String name, String contactName, String contactRole, String contactEmail,
                               String contactPhone) {
    }

    public record CaseEntity(
            @JacksonXmlProperty(isAttribute = true, localName = "id") String id,
            String summary,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "CrimeArea")
            List<String> crimeAreas,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "ExploitationType")
            List<String> exploitationTypes,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "MethodOfControl")
            List<String> methodsOfControl,
            String recruitment,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "OnlinePlatform")
            List<String> onlinePlatforms,
            String modusOperandi,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "ConcealmentMethod")
            List<String> concealmentMethods,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Asset")
            List<Asset> assets) {
    }

    public record Asset(String type, String description, BigDecimal estimatedValue, String currency, String country) {
    }

    public record PersonEntity(
            @JacksonXmlProperty(isAttribute = true, localName = "id") String id,
            String senderPersonId,
            String familyName,
            String givenName,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Alias")
            List<String> aliases,
            LocalDate dateOfBirth,
            String ageBand,
            String sex,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Nationality")
            List<String> nationalities,
            String birthCountry,
            String birthCity,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Language")
            List<String> languages,
            Integer heightCm,
            Integer weightKg,
            String eyeColour,
            String hairColour,
            String distinguishingMarks,
            boolean minor,
            LocalDate missingSince,
            String fatherName,
            String motherName,
            ArrestWarrant arrestWarrant,
            PartnerVictimCare victimCare) {
    }

    public record ArrestWarrant(String reference, String issuingAuthority, String issuingCountry, LocalDate issuedOn,
                                String charge, String chargeTranslation) {
    }

    public record DocumentEntity(@JacksonXmlProperty(isAttribute = true, localName = "id") String id,
                                 String type, String number, String issuingCountry, LocalDate expiryDate) {
    }

    public record VehicleEntity(@JacksonXmlProperty(isAttribute = true, localName = "id") String id,
                                String make, String model, String colour, String registration,
                                String registrationCountry) {
    }

    public record LocationEntity(@JacksonXmlProperty(isAttribute = true, localName = "id") String id,
                                 String country, String city) {
    }

    public record OrganisationEntity(@JacksonXmlProperty(isAttribute = true, localName = "id") String id,
                                     String name, String type, String country) {
    }

    public record CommunicationEntity(@JacksonXmlProperty(isAttribute = true, localName = "id") String id,
                                      String type, String value, String platform) {
    }

    public record AccountEntity(@JacksonXmlProperty(isAttribute = true, localName = "id") String id,
                                String institution, String accountNumber, String country, String currency) {
    }

    public record Link(
            @JacksonXmlProperty(isAttribute = true, localName = "type") String type,
            @JacksonXmlProperty(isAttribute = true, localName = "from") String from,
            @JacksonXmlProperty(isAttribute = true, localName = "to") String to,
            @JacksonXmlProperty(isAttribute = true, localName = "date") LocalDate date) {
    }
}
