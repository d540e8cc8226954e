package ca.passage.api;

import ca.passage.xml.Violation;

import java.util.List;

/** RFC 9457 problem details, with every violation listed. */
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static Problem of(int status, String title, String detail, List<Violation> violations) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Problem("urn:ca:passage:problem:" + slug, title, status, detail, List.copyOf(violations));
    }
}
