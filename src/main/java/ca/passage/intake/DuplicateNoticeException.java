package ca.passage.intake;

/** The notice id (and version) was already accepted: resubmitting must not send it twice. */
public class DuplicateNoticeException extends RuntimeException {
    public DuplicateNoticeException(String noticeId) {
        super("notice " + noticeId + " was already accepted; send a new version that supersedes it instead");
    }
}
