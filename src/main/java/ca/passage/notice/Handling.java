package ca.passage.notice;

public record Handling(HandlingCode code, String restriction) {
}
