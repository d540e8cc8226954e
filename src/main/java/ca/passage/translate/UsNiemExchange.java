package ca.passage.translate;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The US exchange, NIEM-style justice domain ({@code schemas/us-niem-1.0.xsd}): document metadata, the Incident
 * (what happened, with its events and Locations), one Offense per Criminal Code section and exploitation type
 * (NIBRS 64A commercial sex acts / 64B involuntary servitude, and the US statute), Persons by role, and Property.
 * Countries ISO 3166 alpha-3, languages ISO 639-3, eye/hair colours NCIC codes. UpperCamelCase naming strategy.
 */
@JacksonXmlRootElement(namespace = UsNiemExchange.NAMESPACE, localName = "HumanTraffickingExchange")
public record UsNiemExchange(
        @JacksonXmlProperty(isAttribute = true, localName = "exchangeVersion") String exchangeVersion,
        DocumentMetadata documentMetadata,
        SubmittingOrganization submittingOrganization,
        Request request,
        Incident incident,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Offense")
        List<Offense> offenses,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Person")
        List<Person> persons,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Property")
        List<Property> properties) {

    public static final String NAMESPACE = "urn:passage:partner:us-niem:1";

    public record DocumentMetadata(String documentIdentificationID, String caseNumberText, int documentVersion,
                                   String supersededDocumentID, OffsetDateTime documentCreationDateTime,
                                   LocalDate documentReviewDate, LocalDate documentExpirationDate,
                                   String documentLanguageCode, String handlingCode, String handlingRestrictionText,
                                   String sourceReliabilityCode, String informationValidityCode,
                                   String legalBasisText, String agreementReferenceText) {
    }

    public record SubmittingOrganization(String organizationIdentificationID, String organizationName,
                                         String organizationCountryCode, String contactPersonName,
                                         String contactRoleText, String contactEmailID,
                                         String contactTelephoneNumber) {
    }

    public record Request(String requestedActionCode, String noticeColorCode,
                          @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "DiffusionCountryCode")
                          List<String> diffusionCountryCodes,
                          String priorityCode) {
    }

    public record Incident(
            String incidentDescriptionText,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "IncidentExploitationCategoryCode")
            List<String> exploitationCategoryCodes,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "IncidentControlMethodCode")
            List<String> controlMethodCodes,
            String recruitmentDescriptionText,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "OnlinePlatformName")
            List<String> onlinePlatformNames,
            String modusOperandiText,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "ConcealmentMethodText")
            List<String> concealmentMethodTexts,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "IncidentEvent")
            List<IncidentEvent> events) {
    }

    public record IncidentEvent(String eventCategoryCode, LocalDate eventDate, Location location,
                                @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "RouteCountryCode")
                                List<String> routeCountryCodes) {
    }

    public record Location(String locationCountryCode, String locationCityName) {
    }

    public record Offense(@JacksonXmlProperty(isAttribute = true, localName = "id") String id,
                          String offenseNIBRSCode, String offenseStatuteText) {
    }

    public record Person(
            @JacksonXmlProperty(isAttribute = true, localName = "id") String id,
            String personRoleCode,
            String personSurName,
            String personGivenName,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonAlternateName")
            List<String> alternateNames,
            LocalDate personBirthDate,
            String personAgeRangeText,
            String personSexCode,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonCitizenshipCode")
            List<String> citizenshipCodes,
            Location personBirthLocation,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonLanguageCode")
            List<String> languageCodes,
            Integer personHeightCentimeterMeasure,
            Integer personWeightKilogramMeasure,
            String personEyeColorCode,
            String personHairColorCode,
            String personPhysicalFeatureDescriptionText,
            boolean personMinorIndicator,
            LocalDate personMissingDate,
            String personFatherName,
            String personMotherName,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonIdentityDocument")
            List<IdentityDocument> identityDocuments,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonTelephoneNumber")
            List<String> telephoneNumbers,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonEmailID")
            List<String> emailIds,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonSocialMediaAccount")
            List<SocialMediaAccount> socialMediaAccounts,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonOrganization")
            List<Organization> organizations,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonConveyance")
            List<Conveyance> conveyances,
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PersonFinancialAccount")
            List<FinancialAccount> financialAccounts,
            Warrant personWarrant,
            PartnerVictimCare personVictimCare) {
    }

    public record IdentityDocument(String documentCategoryCode, String documentIdentificationID,
                                   String documentIssuingCountryCode, LocalDate documentExpirationDate) {
    }

    public record SocialMediaAccount(String platformName, String accountHandleText) {
    }

    public record Organization(String organizationName, String organizationCategoryText, String organizationCountryCode) {
    }

    public record Conveyance(String vehicleMakeName, String vehicleModelName, String vehicleColorText,
                             String vehicleRegistrationPlateID, String vehicleRegistrationCountryCode) {
    }

    public record FinancialAccount(String financialInstitutionName, String accountNumberID, String accountCountryCode,
                                   String currencyCode) {
    }

    public record Warrant(String warrantIdentificationID, String warrantIssuingAuthorityText,
                          String warrantIssuingCountryCode, LocalDate warrantIssuedDate, String warrantChargeText,
                          String warrantChargeTranslationText) {
    }

    public record Property(String propertyCategoryText, String propertyDescriptionText, BigDecimal propertyValueAmount,
                           String currencyCode, String propertyLocationCountryCode) {
    }
}
