package ca.passage.partner;

/**
 * One thing the sharing policy kept from a partner: structured data the agreement does not allow (removed or
 * generalised), or an identifier the free-text screener replaced. Never the value itself: the supervisor's preview and
 * the audit may show it.
 *
 * @param path     where it was in the Canadian notice, e.g. {@code /CaseNotice/person[2]/document}
 * @param category the data category ({@link DataCategory} name) or, for free text, the kind of identifier replaced
 *                 ({@link FreeTextScreener.Kind} name)
 * @param reason   why, naming the agreement, e.g. {@code removed: agreement CA-IP-NCB-2019-07 does not allow TRAVEL_DOCUMENTS}
 */
public record Removal(String path, String category, String reason) {
}
