package ca.passage.notice;

public record FinancialAccount(String institution, String accountNumber, String country, String currency) {
}
