package ca.passage.translate;

import ca.passage.partner.DataCategory;
import ca.passage.partner.OnwardTransfer;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.SharingAgreement;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Variants of shipped partner profiles with a different agreement, for tests. */
final class Profiles {
    private Profiles() {
    }

    static PartnerProfile withCategories(PartnerProfile p, String... categories) {
        SharingAgreement a = p.agreement();
        Set<DataCategory> allowed = Arrays.stream(categories).map(DataCategory::valueOf).collect(Collectors.toSet());
        return with(p, new SharingAgreement(a.reference(), a.legalBasis(), allowed, a.defaultHandlingCode(),
                a.maxHandlingCode(), a.onwardTransfer(), a.retention(), a.domesticAuthority(), a.provincialAuthorities()));
    }

    static PartnerProfile withOnwardTransfer(PartnerProfile p, OnwardTransfer ot) {
        SharingAgreement a = p.agreement();
        return with(p, new SharingAgreement(a.reference(), a.legalBasis(), a.allowedCategories(), a.defaultHandlingCode(),
                a.maxHandlingCode(), ot, a.retention(), a.domesticAuthority(), a.provincialAuthorities()));
    }

    static PartnerProfile with(PartnerProfile p, SharingAgreement a) {
        return new PartnerProfile(p.id(), p.name(), p.country(), p.format(), p.channel(), p.certificate(),
                p.cryptoProfile(), p.acknowledgementTimeout(), p.retry(), a, p.enabled());
    }
}
