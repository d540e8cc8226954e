package ca.passage.translate;

import ca.passage.notice.ActionKind;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeColour;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.partner.SharingPolicy;

/**
 * What each INTERPOL-style colour must carry, checked on the notice as it will leave (after the sharing policy) and
 * as it arrives. A notice whose required content the policy removed is refused rather than sent hollow.
 */
final class ColourRules {

    private ColourRules() {
    }

    static void check(CaseNotice n, String partnerId) {
        String id = "notice " + n.noticeId() + ": ";
        if (n.requestedAction().kind() == ActionKind.DIFFUSION) {
            if (n.requestedAction().diffusionCountries().isEmpty()) {
                throw new TranslationException(partnerId, id + "a diffusion needs at least one destination country");
            }
            return;
        }
        NoticeColour colour = n.requestedAction().colour();
        if (colour == null) {
            throw new TranslationException(partnerId, id + "a notice needs a colour");
        }
        switch (colour) {
            case RED -> {
                if (n.personsIn(PersonRole.SUSPECT).stream().noneMatch(p -> p.warrant() != null)) {
                    throw new TranslationException(partnerId, id + "a RED notice needs a wanted person with an arrest"
                            + " warrant, and none is left to send (none in the notice, or the sharing policy removed"
                            + " suspect identity)");
                }
            }
            case YELLOW -> {
                if (n.persons().stream().noneMatch(Person::isMissing)) {
                    throw new TranslationException(partnerId, id + "a YELLOW notice needs a missing person (with a"
                            + " date of disappearance), and none is left to send");
                }
            }
            case PURPLE -> {
                for (Person p : n.persons()) {
                    if (SharingPolicy.carriesIdentity(p)) {
                        throw new TranslationException(partnerId, id + "a PURPLE notice describes a modus operandi"
                                + " and must not carry any person's identity (person " + p.personId() + " does)");
                    }
                }
                if (n.offence().modusOperandi() == null || n.offence().modusOperandi().isBlank()) {
                    throw new TranslationException(partnerId, id + "a PURPLE notice needs a modus operandi, and none"
                            + " is left to send (none in the notice, or the sharing policy removed MODUS_OPERANDI)");
                }
            }
            case SILVER -> {
                if (n.assets().isEmpty()) {
                    throw new TranslationException(partnerId, id + "a SILVER notice needs at least one asset, and none"
                            + " is left to send (none in the notice, or the sharing policy removed FINANCIAL_DATA)");
                }
            }
            case BLUE, GREEN, ORANGE -> {
                if (n.persons().isEmpty()) {
                    throw new TranslationException(partnerId, id + "a " + colour + " notice is about a person, and no"
                            + " person is left to send");
                }
            }
            case BLACK, UN_SC -> {
                // carry whatever is known
            }
        }
    }
}
