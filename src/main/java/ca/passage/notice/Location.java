package ca.passage.notice;

/** A place: ISO 3166 alpha-2 country, optionally a city. */
public record Location(String country, String city) {
}
