package ca.passage.notice;

import java.time.LocalDate;

public record IdentityDocument(String type, String number, String issuingCountry, LocalDate expiryDate) {
}
