package ca.passage.notice;

import java.time.LocalDate;

/** The arrest warrant a RED notice rests on. */
public record Warrant(String reference, String issuingAuthority, String issuingCountry, LocalDate issuedOn,
                      String charge, String chargeTranslation) {
}
