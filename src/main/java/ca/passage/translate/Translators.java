package ca.passage.translate;

import ca.passage.partner.SharingPolicy;

import java.util.List;

/** Builds the registry of every partner format Passage speaks. */
public final class Translators {

    /**
     * The recipient that {@link PartnerTranslator#fromPartner} writes into inbound notices: Canada's domestic side
     * (the domestic queue/folder), not a foreign partner. Matches the case notice's partner id pattern.
     */
    public static final String DOMESTIC_RECIPIENT = "ca-domestic";

    private Translators() {
    }

    /** The four formats (interpol-notice, eu-umf, us-niem, ca-native) on the shipped code lists and sharing policy. */
    public static TranslatorRegistry standard() {
        return standard(CodeLists.standard(), new SharingPolicy());
    }

    public static TranslatorRegistry standard(CodeLists codeLists, SharingPolicy policy) {
        return new TranslatorRegistry(List.of(
                new InterpolNoticeTranslator(codeLists, policy),
                new EuUmfTranslator(codeLists, policy),
                new UsNiemTranslator(codeLists, policy),
                new CaNativeTranslator(policy)));
    }
}
