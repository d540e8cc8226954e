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

    /** The same notice with the officer's release summary (case notice 1.1). */
    static CaseNotice withReleaseSummary(CaseNotice n, String releaseSummary) {
        return new CaseNotice("1.1", n.noticeId(), n.nationalFileNumber(), n.version(), n.supersedes(),
                n.originatingAgency(), n.requestedAction(), n.priority(), n.legalBasis(), n.handling(), n.grading(),
                n.dates(), n.language(), n.summary(), releaseSummary, n.offence(), n.events(), n.persons(), n.assets(),
                n.recipients());
    }

    /** The same notice with another recruitment text. */
    static CaseNotice withRecruitment(CaseNotice n, String recruitment) {
        ca.passage.notice.Offence o = n.offence();
        return new CaseNotice(n.schemaVersion(), n.noticeId(), n.nationalFileNumber(), n.version(), n.supersedes(),
                n.originatingAgency(), n.requestedAction(), n.priority(), n.legalBasis(), n.handling(), n.grading(),
                n.dates(), n.language(), n.summary(), n.releaseSummary(),
                new ca.passage.notice.Offence(o.sections(), o.exploitationTypes(), o.methodsOfControl(), recruitment,
                        o.onlinePlatforms(), o.modusOperandi(), o.concealmentMethods()),
                n.events(), n.persons(), n.assets(), n.recipients());
    }
}
