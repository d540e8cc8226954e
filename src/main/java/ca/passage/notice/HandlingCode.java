package ca.passage.notice;

/**
 * EU handling codes. H0: use only to prevent or combat crime; H1: not for judicial proceedings without the
 * sender's permission; H2: not to be passed on without permission; H3: other restrictions (free text).
 * Declared from least to most restrictive, so {@link #compareTo} orders by restriction.
 */
public enum HandlingCode { H0, H1, H2, H3 }
