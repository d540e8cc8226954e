package ca.passage.testing;

import ca.passage.notice.Agency;
import ca.passage.notice.Asset;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.Grading;
import ca.passage.notice.Handling;
import ca.passage.notice.LegalBasis;
import ca.passage.notice.NoticeDates;
import ca.passage.notice.Offence;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.notice.PointOfContact;
import ca.passage.notice.Priority;
import ca.passage.notice.RequestedAction;
import ca.passage.notice.TraffickingEvent;
import ca.passage.partner.DataCategory;
import ca.passage.partner.OnwardTransfer;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.SharingAgreement;
import ca.passage.partner.VictimField;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The random source the property tests share: seeded, so a failing notice comes back on every run; the draws each
 * test makes (values, chances, digits, dates), a random sharing agreement and a partner that has it, the frame of a
 * random Canadian case notice, and the oracle's reading of the policy table (which identity category a role's
 * person needs, written from docs/sharing-policy.md, not from SharingPolicy's code). What a test plants in its
 * notices (tokens, identifiers in free text) stays in that test.
 */
public final class RandomNotices {

    /** The agency every generated notice comes from. */
    private static final Agency AGENCY = new Agency("RCMP-HTNCC", "RCMP HTNCC",
            new PointOfContact("Liaison Desk", null, "desk@rcmp-grc.example.ca", null));
    private static final LegalBasis LEGAL_BASIS = new LegalBasis("UN Trafficking Protocol art. 10", null);

    private final Random random;

    public RandomNotices(long seed) {
        this.random = new Random(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** True {@code percent} times in a hundred. */
    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public String digits(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    /** {@code count} capital letters A-Z. */
    public String letters(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append((char) ('A' + random.nextInt(26)));
        }
        return b.toString();
    }

    /** A day of 2026 (January to November, days 1-28), at noon UTC. */
    public OffsetDateTime createdIn2026() {
        return OffsetDateTime.of(2026, 1 + random.nextInt(11), 1 + random.nextInt(28), 12, 0, 0, 0, ZoneOffset.UTC);
    }

    /**
     * An agreement allowing each data category with a chance of 55 in 100 and naming each victim-centred field with a
     * chance of 40; any handling code, no onward transfer.
     */
    public SharingAgreement agreement() {
        Set<DataCategory> allowed = EnumSet.noneOf(DataCategory.class);
        for (DataCategory c : DataCategory.values()) {
            if (chance(55)) {
                allowed.add(c);
            }
        }
        Set<VictimField> named = EnumSet.noneOf(VictimField.class);
        for (VictimField f : VictimField.values()) {
            if (chance(40)) {
                named.add(f);
            }
        }
        return new SharingAgreement("RANDOM-AGREEMENT", "test", allowed, ca.passage.notice.HandlingCode.H0,
                ca.passage.notice.HandlingCode.H3, OnwardTransfer.PROHIBITED, Period.ofYears(1),
                SharingAgreement.PRIVACY_ACT_8_2_F, java.util.Map.of(), named);
    }

    /** {@code base} (its format, channel, keys) under the agreement {@code a}, as partner {@code random-partner}. */
    public static PartnerProfile partnerWith(SharingAgreement a, PartnerProfile base) {
        return new PartnerProfile("random-partner", "Random partner", "NL", base.format(), base.channel(),
                base.certificate(), base.cryptoProfile(), base.acknowledgementTimeout(), base.retry(), a, true);
    }

    /** The oracle: the identity category of a person of this role (docs/sharing-policy.md, "R"). */
    public static DataCategory identityOf(PersonRole role) {
        return switch (role) {
            case VICTIM -> DataCategory.VICTIM_IDENTITY;
            case SUSPECT -> DataCategory.SUSPECT_IDENTITY;
            case WITNESS, REPORTING_PERSON -> DataCategory.WITNESS_IDENTITY;
        };
    }

    /**
     * A case notice from the RCMP's desk to the INTERPOL-style hub, version 1, with id {@code CA-<file number>}. The
     * caller draws the parts in the order it passes them, so a seed gives the same notice on every run.
     */
    public static CaseNotice notice(String schemaVersion, String fileNumber, RequestedAction action, Priority priority,
                                    Handling handling, OffsetDateTime created, String language, String summary,
                                    String releaseSummary, Offence offence, List<TraffickingEvent> events,
                                    List<Person> persons, List<Asset> assets) {
        return new CaseNotice(schemaVersion, "CA-" + fileNumber, fileNumber, 1, null, AGENCY, action, priority,
                LEGAL_BASIS, handling, new Grading("B", "2"), new NoticeDates(created, null, null), language, summary,
                releaseSummary, offence, events, persons, assets, List.of("interpol-hub"));
    }

    /** Every text node's and attribute's value under {@code root}: what a partner could read. */
    public static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            out.add(n.getNodeValue());
        }
        NamedNodeMap attrs = n.getAttributes();
        if (attrs != null) {
            for (int i = 0; i < attrs.getLength(); i++) {
                out.add(attrs.item(i).getNodeValue());
            }
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, out);
        }
    }
}
