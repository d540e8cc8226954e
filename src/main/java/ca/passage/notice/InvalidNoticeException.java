package ca.passage.notice;

import ca.passage.xml.Violation;

import java.util.List;

/** A notice refused at intake, with every violation found (not just the first). */
public class InvalidNoticeException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidNoticeException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidNoticeException(String path, String message) {
        this(List.of(new Violation(path, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        return violations.size() + " violation(s): "
                + violations.stream().map(v -> v.path() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
}
