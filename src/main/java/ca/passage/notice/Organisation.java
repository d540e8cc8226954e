package ca.passage.notice;

public record Organisation(String name, String type, String country) {
}
