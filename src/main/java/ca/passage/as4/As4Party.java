package ca.passage.as4;

import java.util.Objects;

/** One side of an ebMS exchange: its PartyId (with optional type) and its role in the exchange. */
public record As4Party(String id, String idType, String role) {
    public As4Party {
        requireText(id, "party id");
        requireText(role, "party role");
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    boolean sameAs(As4Party other) {
        return id.equals(other.id) && Objects.equals(emptyToNull(idType), emptyToNull(other.idType))
                && role.equals(other.role);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
