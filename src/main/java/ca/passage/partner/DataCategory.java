package ca.passage.partner;

/** What a sharing agreement can allow a partner to receive. */
public enum DataCategory {
    SUSPECT_IDENTITY("SI"),
    VICTIM_IDENTITY("VI"),
    VICTIM_DEMOGRAPHICS("VD"),
    WITNESS_IDENTITY("WI"),
    CONTACT_DATA("CD"),
    TRAVEL_DOCUMENTS("TD"),
    VEHICLES("VH"),
    ORGANISATIONS("OR"),
    FINANCIAL_DATA("FD"),
    BIOMETRIC_REFERENCES("BR"),
    MODUS_OPERANDI("MO"),
    LOCATIONS("LO");

    private final String code;

    DataCategory(String code) {
        this.code = code;
    }

    /** Two letters, so that the audit event's code field can list every category the policy removed. */
    public String code() {
        return code;
    }
}
