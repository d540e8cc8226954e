package ca.passage.notice;

public record PointOfContact(String name, String role, String email, String phone) {
}
