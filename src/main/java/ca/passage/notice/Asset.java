package ca.passage.notice;

import java.math.BigDecimal;

/** Proceeds of crime to locate or freeze (SILVER). */
public record Asset(String type, String description, BigDecimal estimatedValue, String currency, String country) {
}
