package ca.passage.notice;

public record SocialMediaHandle(String platform, String handle) {
}
