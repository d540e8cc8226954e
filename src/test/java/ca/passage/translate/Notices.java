package ca.passage.translate;

import ca.passage.notice.CaseNotice;

import java.util.List;

/** Copies of notices with one thing changed, for tests. */
final class Notices {
    private Notices() {
    }

    static CaseNotice withRecipients(CaseNotice n, List<String> recipients) {
        return new CaseNotice(n.schemaVersion(), n.noticeId(), n.nationalFileNumber(), n.version(), n.supersedes(),
                n.originatingAgency(), n.requestedAction(), n.priority(), n.legalBasis(), n.handling(), n.grading(),
                n.dates(), n.language(), n.summary(), n.offence(), n.events(), n.persons(), n.assets(), recipients);
    }
}
