package ca.passage.partner;

/** What a sharing agreement can allow a partner to receive. */
public enum DataCategory {
    SUSPECT_IDENTITY,
    VICTIM_IDENTITY,
    VICTIM_DEMOGRAPHICS,
    WITNESS_IDENTITY,
    CONTACT_DATA,
    TRAVEL_DOCUMENTS,
    VEHICLES,
    ORGANISATIONS,
    FINANCIAL_DATA,
    BIOMETRIC_REFERENCES,
    MODUS_OPERANDI,
    LOCATIONS
}
