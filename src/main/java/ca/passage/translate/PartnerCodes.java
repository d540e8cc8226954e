package ca.passage.translate;

import java.util.List;

/**
 * The code lists as one partner sees them: looks values up in the partner format's column and turns any gap into
 * a {@link TranslationException} that names the value, the code list and the partner.
 */
public final class PartnerCodes {

    private final CodeLists lists;
    private final String column;
    private final String partnerId;

    public PartnerCodes(CodeLists lists, String column, String partnerId) {
        this.lists = lists;
        this.column = column;
        this.partnerId = partnerId;
    }

    public String partnerId() {
        return partnerId;
    }

    /** Canadian value → partner code; null in, null out. */
    public String out(String list, String canadianValue) {
        return out(list, column, canadianValue);
    }

    public String out(String list, String col, String canadianValue) {
        if (canadianValue == null) {
            return null;
        }
        return lists.toPartner(list, col, canadianValue).orElseThrow(() -> new TranslationException(partnerId,
                "value '" + canadianValue + "' has no " + col + " code in code list " + list));
    }

    public <E extends Enum<E>> String out(String list, E canadianValue) {
        return canadianValue == null ? null : out(list, canadianValue.name());
    }

    public List<String> outAll(String list, List<String> canadianValues) {
        return canadianValues.stream().map(v -> out(list, v)).toList();
    }

    public <E extends Enum<E>> List<String> outEnums(String list, List<E> canadianValues) {
        return canadianValues.stream().map(v -> out(list, v.name())).toList();
    }

    /** Partner code → Canadian value; null in, null out. */
    public String in(String list, String partnerCode) {
        if (partnerCode == null) {
            return null;
        }
        return lists.toCanadian(list, column, partnerCode).orElseThrow(() -> new TranslationException(partnerId,
                "code '" + partnerCode + "' of code list " + list + " (" + column + ") has no Canadian equivalent"));
    }

    public <E extends Enum<E>> E in(String list, String partnerCode, Class<E> type) {
        String v = in(list, partnerCode);
        return v == null ? null : Enum.valueOf(type, v);
    }

    public List<String> inAll(String list, List<String> partnerCodes) {
        return partnerCodes.stream().map(c -> in(list, c)).toList();
    }

    public <E extends Enum<E>> List<E> inEnums(String list, List<String> partnerCodes, Class<E> type) {
        return partnerCodes.stream().map(c -> in(list, c, type)).toList();
    }

    /** ISO 4217 currency codes are checked against the JDK's list rather than a file. */
    public String currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            java.util.Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw new TranslationException(partnerId, "value '" + code + "' is not an ISO 4217 currency code");
        }
    }
}
