package ca.passage.partner;

import ca.passage.notice.Asset;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.FinancialAccount;
import ca.passage.notice.Handling;
import ca.passage.notice.IdentityDocument;
import ca.passage.notice.Offence;
import ca.passage.notice.Organisation;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.notice.PhysicalDescription;
import ca.passage.notice.PointOfContact;
import ca.passage.notice.SocialMediaHandle;
import ca.passage.notice.Vehicle;
import ca.passage.notice.VictimCare;
import ca.passage.notice.Warrant;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screens every free-text field of a notice that is about to leave for one partner (after {@link SharingPolicy}
 * removed what the agreement does not allow), looking for identifiers of what was removed: names and aliases of
 * removed persons (case- and accent-insensitive, either order, initials where unambiguous), parents' names, dates of
 * birth in the usual written forms, document, phone (E.164 and local forms), e-mail, handle, account, registration,
 * organisation and warrant numbers. Each is replaced by a stable placeholder ({@code [VICTIM V1]},
 * {@code [DOCUMENT]}) and listed as a {@link Redaction} (field path and kind, never the value).
 *
 * <p>Then, on the redacted text, what it cannot attribute is a reason to hold the notice for a supervisor: an
 * e-mail address, a phone-shaped number, a passport- or account-shaped string or an {@code @handle} that belongs to
 * no structured person of the notice (nor to the agency's point of contact), and any mention of an age under 18.
 *
 * <p>This is pattern matching, not understanding: see {@code docs/sharing-policy.md} for what it cannot catch.
 */
public final class FreeTextScreener {

    /** What a redaction replaced. The placeholder is fixed per kind, except names, which name the person's label. */
    public enum Kind {
        NAME("[NAME]", "NM"), DATE_OF_BIRTH("[DATE OF BIRTH]", "DB"), DOCUMENT("[DOCUMENT]", "DO"),
        PHONE("[PHONE]", "PH"), EMAIL("[EMAIL]", "EM"), HANDLE("[HANDLE]", "HA"), ACCOUNT("[ACCOUNT]", "AC"),
        REGISTRATION("[REGISTRATION]", "RG"), ORGANISATION("[ORGANISATION]", "OG"), WARRANT("[WARRANT]", "WA");

        private final String placeholder;
        private final String code;

        Kind(String placeholder, String code) {
            this.placeholder = placeholder;
            this.code = code;
        }

        /** Two letters, so that one audit event's code field can list every kind redacted. */
        public String code() {
            return code;
        }

        public String placeholder() {
            return placeholder;
        }
    }

    /** One replacement: where (a path in the notice), what kind, and the placeholder written. No personal data. */
    public record Redaction(String field, Kind kind, String placeholder) {
    }

    /** The screened notice, every redaction made, and why a supervisor must look (empty when nothing is unclear). */
    public record Result(CaseNotice notice, List<Redaction> redactions, List<String> holdReasons) {
        public Result {
            redactions = List.copyOf(redactions);
            holdReasons = List.copyOf(holdReasons);
        }
    }

    private static final String BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String BOUNDARY_AFTER = "(?![\\p{L}\\p{N}])";
    private static final String NAME_SEPARATOR = "[\\s\\-]+";
    private static final String COMMA_OPTIONAL = "\\s?,?\\s?";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+");
    private static final Pattern PHONE_SHAPED = Pattern.compile(
            "(?<![\\p{L}\\p{N}+\\-/.])(?:\\+|\\(|)\\d[\\d\\s().\\-]{5,20}\\d(?![\\p{L}\\p{N}])");
    private static final Pattern DATE_SHAPED = Pattern.compile(
            "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
    private static final Pattern DOCUMENT_SHAPED = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\-])(?:[A-Z]{1,2}\\d{6,9}|[A-Z]{2}\\d{2}[A-Z0-9]{11,30})(?![\\p{L}\\p{N}\\-])");
    private static final Pattern HANDLE_SHAPED = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@[\\p{L}\\p{N}_.]{2,}[\\p{L}\\p{N}_]");
    private static final Pattern AGE_UNDER_18;
    private static final Pattern NON_DIGIT = Pattern.compile("\\D");
    private static final Pattern NEITHER_LETTER_NOR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,]+");

    static {
        String words = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                + "|sixteen|seventeen";
        String n = "(\\d{1,2}|" + words + ")";
        AGE_UNDER_18 = Pattern.compile(BOUNDARY_BEFORE + "(?:"
                + n + "[\\s-]*(?:years?|yrs?)[\\s-]*old"
                + "|" + n + "[\\s-]?(?:y/o|yo|y\\.o\\.)"
                + "|(?:aged?|age:|age of)\\s?" + n
                + "|" + n + "\\s(?:ans|anos)"
                + "|" + n + "-year"
                + "|under\\s?(?:the age of\\s?)?(?:18|eighteen)|under-?age"
                + ")" + BOUNDARY_AFTER);
    }

    private static final Map<String, Integer> NUMBER_WORDS = numberWords();

    private static final List<DateTimeFormatter> DATE_FORMS = datesForms();

    /** A pattern on folded text and what to write instead; {@code keep} patterns protect what is allowed to stay. */
    private record Needle(Pattern pattern, Kind kind, String placeholder, boolean keep) {
    }

    private record Span(int start, int end, Kind kind, String placeholder, boolean keep) {
        int length() {
            return end - start;
        }
    }

    /** Identifiers known from the notice's structured data, folded or digits-only, to tell known from unknown. */
    private record Known(Set<String> emails, Set<String> phoneDigits, Set<String> numbers, Set<String> handles) {
    }

    public Result screen(CaseNotice original, CaseNotice filtered) {
        List<Needle> needles = needles(original, filtered);
        Known known = known(original);
        List<Redaction> redactions = new ArrayList<>();
        Set<String> holds = new LinkedHashSet<>();
        Screening s = new Screening(needles, known, redactions, holds);

        String summary = s.text("/CaseNotice/summary", filtered.summary());
        Offence o = filtered.offence();
        List<String> platforms = s.texts("/CaseNotice/offence/onlinePlatform", o.onlinePlatforms());
        List<String> concealment = s.texts("/CaseNotice/offence/concealmentMethod", o.concealmentMethods());
        Offence offence = new Offence(o.sections(), o.exploitationTypes(), o.methodsOfControl(),
                s.text("/CaseNotice/offence/recruitment", o.recruitment()), platforms,
                s.text("/CaseNotice/offence/modusOperandi", o.modusOperandi()), concealment);
        Handling handling = new Handling(filtered.handling().code(),
                s.text("/CaseNotice/handling/restriction", filtered.handling().restriction()));
        List<Person> persons = new ArrayList<>();
        for (Person p : filtered.persons()) {
            String at = "/CaseNotice/person[@personId='" + p.personId() + "']";
            PhysicalDescription d = p.physicalDescription();
            if (d != null) {
                d = new PhysicalDescription(d.heightCm(), d.weightKg(), d.eyeColour(), d.hairColour(),
                        s.text(at + "/physicalDescription/distinguishingMarks", d.distinguishingMarks()));
            }
            Warrant w = p.warrant();
            if (w != null) {
                w = new Warrant(w.reference(), w.issuingAuthority(), w.issuingCountry(), w.issuedOn(),
                        s.text(at + "/warrant/charge", w.charge()),
                        s.text(at + "/warrant/chargeTranslation", w.chargeTranslation()));
            }
            persons.add(new Person(p.personId(), p.role(), p.familyName(), p.givenNames(), p.aliases(), p.dateOfBirth(),
                    p.estimatedAge(), p.sex(), p.nationalities(), p.placeOfBirth(), p.languages(), d, p.minor(),
                    p.missingSince(), p.fatherName(), p.motherName(), p.documents(), p.phones(), p.emails(),
                    p.socialMedia(), p.organisations(), p.vehicles(), p.financialAccounts(), w,
                    screenedCare(p.victimCare(), at, s)));
        }
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < filtered.assets().size(); i++) {
            Asset a = filtered.assets().get(i);
            assets.add(new Asset(a.type(), s.text("/CaseNotice/asset[" + (i + 1) + "]/description", a.description()),
                    a.estimatedValue(), a.currency(), a.country()));
        }
        CaseNotice screened = new CaseNotice(filtered.schemaVersion(), filtered.noticeId(),
                filtered.nationalFileNumber(), filtered.version(), filtered.supersedes(), filtered.originatingAgency(),
                filtered.requestedAction(), filtered.priority(), filtered.legalBasis(), handling, filtered.grading(),
                filtered.dates(), filtered.language(), summary, null, offence, filtered.events(), persons,
                assets, filtered.recipients());
        return new Result(screened, redactions, List.copyOf(holds));
    }

    /** Screens one field after another, collecting redactions and hold reasons. */
    /** A victim's safety caveat is free text like the rest: screened before it leaves. */
    private static VictimCare screenedCare(VictimCare c, String at, Screening s) {
        return c == null ? null : new VictimCare(c.consentToShare(), s.text(at + "/victimCare/safetyCaveat",
                c.safetyCaveat()), c.selfIdentified(), c.referrals(), c.nonPunishment());
    }

    private static final class Screening {
        private final List<Needle> needles;
        private final Known known;
        private final List<Redaction> redactions;
        private final Set<String> holds;

        Screening(List<Needle> needles, Known known, List<Redaction> redactions, Set<String> holds) {
            this.needles = needles;
            this.known = known;
            this.redactions = redactions;
            this.holds = holds;
        }

        List<String> texts(String field, List<String> values) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                out.add(text(field + "[" + (i + 1) + "]", values.get(i)));
            }
            return out;
        }

        String text(String field, String value) {
            if (value == null || value.isBlank()) {
                return value;
            }
            String redacted = redact(field, value);
            checkUnattributed(field, redacted);
            return redacted;
        }

        private String redact(String field, String value) {
            TextFolding folded = TextFolding.of(value);
            List<Span> spans = new ArrayList<>();
            for (Needle n : needles) {
                Matcher m = n.pattern().matcher(folded.text);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        spans.add(new Span(folded.originalStart(m.start()), folded.originalEnd(m.end() - 1),
                                n.kind(), n.placeholder(), n.keep()));
                    }
                }
            }
            if (spans.isEmpty()) {
                return value;
            }
            // Longest first; at equal length a redaction wins over a kept name (privacy before readability).
            spans.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(sp -> sp.keep() ? 1 : 0)
                    .thenComparingInt(Span::start));
            List<Span> chosen = new ArrayList<>();
            for (Span sp : spans) {
                if (chosen.stream().noneMatch(c -> c.start() < sp.end() && sp.start() < c.end())) {
                    chosen.add(sp);
                }
            }
            chosen.sort(Comparator.comparingInt(Span::start));
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (Span sp : chosen) {
                out.append(value, at, sp.start());
                if (sp.keep()) {
                    out.append(value, sp.start(), sp.end());
                } else {
                    out.append(sp.placeholder());
                    redactions.add(new Redaction(field, sp.kind(), sp.placeholder()));
                }
                at = sp.end();
            }
            out.append(value.substring(at));
            return out.toString();
        }

        private void checkUnattributed(String field, String text) {
            Matcher m = EMAIL.matcher(text);
            List<int[]> emailSpans = new ArrayList<>();
            while (m.find()) {
                emailSpans.add(new int[]{m.start(), m.end()});
                if (!known.emails().contains(TextFolding.fold(m.group()))) {
                    holds.add("free text " + field + " holds an e-mail address that belongs to no person of the notice");
                }
            }
            m = PHONE_SHAPED.matcher(text);
            while (m.find()) {
                String candidate = m.group();
                String digits = digits(candidate);
                if (digits.length() < 7 || digits.length() > 15 || DATE_SHAPED.matcher(candidate.strip()).matches()
                        || inside(emailSpans, m.start())) {
                    continue;
                }
                if (known.phoneDigits().stream().noneMatch(k -> k.endsWith(digits) || digits.endsWith(k))) {
                    holds.add("free text " + field + " holds a phone-shaped number that belongs to no person of the notice");
                }
            }
            m = DOCUMENT_SHAPED.matcher(text);
            while (m.find()) {
                if (!known.numbers().contains(alnum(m.group()))) {
                    holds.add("free text " + field
                            + " holds a document- or account-shaped number that belongs to no person of the notice");
                }
            }
            m = HANDLE_SHAPED.matcher(text);
            while (m.find()) {
                if (!inside(emailSpans, m.start()) && !known.handles().contains(TextFolding.fold(m.group().substring(1)))) {
                    holds.add("free text " + field + " holds a social-media handle that belongs to no person of the notice");
                }
            }
            Matcher age = AGE_UNDER_18.matcher(TextFolding.fold(text));
            while (age.find()) {
                if (underEighteen(age)) {
                    holds.add("free text " + field + " mentions an age under 18");
                    break;
                }
            }
        }

        private static boolean inside(List<int[]> spans, int index) {
            return spans.stream().anyMatch(s -> index >= s[0] && index < s[1]);
        }
    }

    private static boolean underEighteen(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String v = m.group(g);
            if (v != null) {
                int n = NUMBER_WORDS.containsKey(v) ? NUMBER_WORDS.get(v) : Integer.parseInt(v);
                return n < 18;
            }
        }
        return true; // "under 18", "underage"
    }

    // ---- what to look for

    private static List<Needle> needles(CaseNotice original, CaseNotice filtered) {
        Map<String, Person> kept = new HashMap<>();
        filtered.persons().forEach(p -> kept.put(p.personId(), p));
        Map<PersonRole, Integer> ordinals = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Person p : original.persons()) {
            int n = ordinals.merge(p.role(), 1, Integer::sum);
            labels.put(p.personId(), "[" + p.role().name().replace('_', ' ') + " " + roleLetter(p.role()) + n + "]");
        }
        Set<String> initialsSeen = new HashSet<>();
        Set<String> initialsTwice = new HashSet<>();
        for (Person p : original.persons()) {
            for (String i : initialForms(p)) {
                if (!initialsSeen.add(i)) {
                    initialsTwice.add(i);
                }
            }
        }
        Set<String> keptPhrases = new HashSet<>();
        List<Needle> keepNeedles = new ArrayList<>();
        for (Person p : filtered.persons()) {
            if (p.familyName() != null || p.givenNames() != null || !p.aliases().isEmpty()) {
                for (String alt : nameAlternatives(p, initialsTwice)) {
                    keptPhrases.add(alt);
                    keepNeedles.add(new Needle(bounded(alt), Kind.NAME, null, true));
                }
            }
        }
        List<Needle> needles = new ArrayList<>(keepNeedles);
        for (Person p : original.persons()) {
            Person k = kept.get(p.personId());
            String label = labels.get(p.personId());
            boolean namesRemoved = k == null || k.familyName() == null && k.givenNames() == null && k.aliases().isEmpty();
            if (namesRemoved) {
                for (String alt : nameAlternatives(p, initialsTwice)) {
                    needles.add(new Needle(bounded(alt), Kind.NAME, keptPhrases.contains(alt) ? Kind.NAME.placeholder() : label, false));
                }
            }
            if (k == null || k.fatherName() == null) {
                addPhrase(needles, p.fatherName(), Kind.NAME);
            }
            if (k == null || k.motherName() == null) {
                addPhrase(needles, p.motherName(), Kind.NAME);
            }
            if (p.dateOfBirth() != null && (k == null || k.dateOfBirth() == null)) {
                String forms = String.join("|", dateForms(p.dateOfBirth()).stream().map(FreeTextScreener::datePattern).toList());
                needles.add(new Needle(bounded(forms), Kind.DATE_OF_BIRTH, Kind.DATE_OF_BIRTH.placeholder(), false));
            }
            List<IdentityDocument> keptDocs = k == null ? List.of() : k.documents();
            p.documents().stream().filter(d -> !keptDocs.contains(d))
                    .forEach(d -> addNumber(needles, d.number(), Kind.DOCUMENT));
            List<String> keptPhones = k == null ? List.of() : k.phones();
            p.phones().stream().filter(x -> !keptPhones.contains(x)).forEach(x -> addPhone(needles, x));
            List<String> keptEmails = k == null ? List.of() : k.emails();
            p.emails().stream().filter(x -> !keptEmails.contains(x))
                    .forEach(x -> needles.add(new Needle(bounded(Pattern.quote(TextFolding.fold(x))), Kind.EMAIL,
                            Kind.EMAIL.placeholder(), false)));
            List<SocialMediaHandle> keptHandles = k == null ? List.of() : k.socialMedia();
            p.socialMedia().stream().filter(x -> !keptHandles.contains(x)).forEach(x -> addHandle(needles, x.handle()));
            List<FinancialAccount> keptAccounts = k == null ? List.of() : k.financialAccounts();
            p.financialAccounts().stream().filter(x -> !keptAccounts.contains(x))
                    .forEach(x -> addNumber(needles, x.accountNumber(), Kind.ACCOUNT));
            List<Vehicle> keptVehicles = k == null ? List.of() : k.vehicles();
            p.vehicles().stream().filter(x -> !keptVehicles.contains(x))
                    .forEach(x -> addNumber(needles, x.registration(), Kind.REGISTRATION));
            List<Organisation> keptOrgs = k == null ? List.of() : k.organisations();
            p.organisations().stream().filter(x -> !keptOrgs.contains(x))
                    .forEach(x -> addPhrase(needles, x.name(), Kind.ORGANISATION));
            if (p.warrant() != null && (k == null || k.warrant() == null)) {
                addNumber(needles, p.warrant().reference(), Kind.WARRANT);
            }
        }
        return needles;
    }

    private static Known known(CaseNotice n) {
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> handles = new HashSet<>();
        PointOfContact poc = n.originatingAgency().pointOfContact();
        if (poc.email() != null) {
            emails.add(TextFolding.fold(poc.email()));
        }
        if (poc.phone() != null) {
            phones.add(digits(poc.phone()));
        }
        for (Person p : n.persons()) {
            p.emails().forEach(e -> emails.add(TextFolding.fold(e)));
            p.phones().forEach(x -> phones.add(digits(x)));
            p.documents().forEach(d -> numbers.add(alnum(d.number())));
            p.financialAccounts().forEach(a -> numbers.add(alnum(a.accountNumber())));
            p.vehicles().forEach(v -> numbers.add(alnum(v.registration())));
            if (p.warrant() != null) {
                numbers.add(alnum(p.warrant().reference()));
            }
            p.socialMedia().forEach(h -> handles.add(TextFolding.fold(withoutAt(h.handle()))));
        }
        return new Known(emails, phones, numbers, handles);
    }

    // ---- names

    private static char roleLetter(PersonRole role) {
        return switch (role) {
            case VICTIM -> 'V';
            case SUSPECT -> 'S';
            case WITNESS -> 'W';
            case REPORTING_PERSON -> 'R';
        };
    }

    private static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        return List.of(WORD_SEPARATORS.split(TextFolding.fold(name))).stream().filter(w -> !w.isEmpty()).toList();
    }

    /** "m.g." style initials of a person with a given and a family name. */
    private static List<String> initialForms(Person p) {
        List<String> given = words(p.givenNames());
        List<String> family = words(p.familyName());
        if (given.isEmpty() || family.isEmpty()) {
            return List.of();
        }
        return List.of(given.get(0).charAt(0) + "|" + family.get(0).charAt(0),
                given.get(0).charAt(0) + "|" + String.join(" ", family));
    }

    /** Regex alternatives (on folded text) for every written form of a person's names, longest forms first. */
    private static List<String> nameAlternatives(Person p, Set<String> ambiguousInitials) {
        List<String> given = words(p.givenNames());
        List<String> family = words(p.familyName());
        List<String> alts = new ArrayList<>();
        String fam = join(family);
        String giv = join(given);
        if (!given.isEmpty() && !family.isEmpty()) {
            String first = Pattern.quote(given.get(0));
            String initial = Pattern.quote(String.valueOf(given.get(0).charAt(0)));
            alts.add(giv + NAME_SEPARATOR + fam);
            alts.add(fam + COMMA_OPTIONAL + giv);
            if (given.size() > 1) {
                alts.add(first + NAME_SEPARATOR + fam);
                alts.add(fam + COMMA_OPTIONAL + first);
            }
            if (!ambiguousInitials.contains(given.get(0).charAt(0) + "|" + String.join(" ", family))) {
                alts.add(initial + "\\.?\\s?" + fam);
                alts.add(fam + COMMA_OPTIONAL + initial + "\\.");
            }
            String familyInitial = Pattern.quote(String.valueOf(family.get(0).charAt(0)));
            if (!ambiguousInitials.contains(given.get(0).charAt(0) + "|" + family.get(0).charAt(0))) {
                alts.add(initial + "\\.\\s?" + familyInitial + "\\.");
            }
        }
        if (!family.isEmpty()) {
            alts.add(fam);
            if (family.size() > 1) {
                family.stream().filter(w -> w.length() >= 3).forEach(w -> alts.add(Pattern.quote(w)));
            }
        }
        if (!given.isEmpty()) {
            if (given.size() > 1) {
                alts.add(giv);
            }
            given.stream().filter(w -> w.length() >= 2).forEach(w -> alts.add(Pattern.quote(w)));
        }
        for (String alias : p.aliases()) {
            if (!words(alias).isEmpty()) {
                alts.add(join(words(alias)));
            }
        }
        return alts;
    }

    private static String join(List<String> words) {
        return String.join(NAME_SEPARATOR, words.stream().map(Pattern::quote).toList());
    }

    private static String phrasePattern(String phrase) {
        return join(words(phrase));
    }

    /** A written date: its words (day, month, year) separated by spaces, commas, dots or hyphens. */
    private static String datePattern(String form) {
        return String.join("[\\s,.\\-]+", words(form).stream().map(Pattern::quote).toList());
    }

    private static Pattern bounded(String alternative) {
        return Pattern.compile(BOUNDARY_BEFORE + "(?:" + alternative + ")" + BOUNDARY_AFTER);
    }

    private static void addPhrase(List<Needle> needles, String phrase, Kind kind) {
        if (phrase != null && !words(phrase).isEmpty()) {
            needles.add(new Needle(bounded(phrasePattern(phrase)), kind, kind.placeholder(), false));
        }
    }

    // ---- numbers, phones, handles, dates

    private static String alnum(String s) {
        return NEITHER_LETTER_NOR_DIGIT.matcher(TextFolding.fold(s)).replaceAll("");
    }

    private static String digits(String s) {
        return NON_DIGIT.matcher(s).replaceAll("");
    }

    /** A handle without its leading {@code @}, if it has one. */
    private static String withoutAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    /** A number written with or without spaces, dots, hyphens or slashes between its characters. */
    private static void addNumber(List<Needle> needles, String number, Kind kind) {
        String chars = alnum(number);
        if (chars.length() < 3) {
            return;
        }
        List<String> parts = chars.codePoints().mapToObj(c -> Pattern.quote(new String(Character.toChars(c)))).toList();
        needles.add(new Needle(bounded(String.join("[\\s.\\-/]?", parts)), kind, kind.placeholder(), false));
    }

    /** The full number and its national (last 10 digits) and local (last 7) forms, with any separators. */
    private static void addPhone(List<Needle> needles, String e164) {
        String digits = digits(e164);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(digits);
        if (digits.length() > 10) {
            forms.add(digits.substring(digits.length() - 10));
        }
        if (digits.length() > 7) {
            forms.add(digits.substring(digits.length() - 7));
        }
        for (String form : forms) {
            List<String> parts = form.chars().mapToObj(c -> String.valueOf((char) c)).toList();
            String body = "(?:\\+\\s?)?(?:00\\s?)?\\(?" + String.join("[\\s().\\-]{0,2}", parts);
            needles.add(new Needle(Pattern.compile("(?<![\\p{N}+])" + body + "(?!\\p{N})"), Kind.PHONE,
                    Kind.PHONE.placeholder(), false));
        }
    }

    private static void addHandle(List<Needle> needles, String handle) {
        String h = withoutAt(TextFolding.fold(handle));
        if (h.length() < 2) {
            return;
        }
        needles.add(new Needle(Pattern.compile("(?<![\\p{L}\\p{N}_.@])@?" + Pattern.quote(h) + "(?![\\p{L}\\p{N}_])"),
                Kind.HANDLE, Kind.HANDLE.placeholder(), false));
    }

    private static List<String> dateForms(LocalDate d) {
        Set<String> forms = new LinkedHashSet<>();
        for (DateTimeFormatter f : DATE_FORMS) {
            forms.add(TextFolding.fold(f.format(d)));
        }
        String suffix = switch (d.getDayOfMonth()) {
            case 1, 21, 31 -> "st";
            case 2, 22 -> "nd";
            case 3, 23 -> "rd";
            default -> "th";
        };
        String month = TextFolding.fold(d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        forms.add(d.getDayOfMonth() + suffix + " " + month + " " + d.getYear());
        forms.add(d.getDayOfMonth() + suffix + " of " + month + " " + d.getYear());
        forms.add(month + " " + d.getDayOfMonth() + suffix + " " + d.getYear());
        forms.add(month + " " + d.getDayOfMonth() + suffix + ", " + d.getYear());
        if (d.getDayOfMonth() == 1) {
            String mois = TextFolding.fold(d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH));
            forms.add("1er " + mois + " " + d.getYear());
        }
        return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static List<DateTimeFormatter> datesForms() {
        List<DateTimeFormatter> out = new ArrayList<>();
        for (String p : List.of("yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "dd/MM/yyyy", "d/M/yyyy", "MM/dd/yyyy",
                "M/d/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy", "MM-dd-yyyy", "dd/MM/yy", "MM/dd/yy")) {
            out.add(DateTimeFormatter.ofPattern(p, Locale.ROOT));
        }
        for (Locale l : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"))) {
            for (String p : List.of("d MMMM yyyy", "dd MMMM yyyy", "MMMM d, yyyy", "MMMM d yyyy", "d MMM yyyy",
                    "MMM d, yyyy", "MMM d yyyy", "d 'de' MMMM 'de' yyyy")) {
                out.add(DateTimeFormatter.ofPattern(p, l));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Integer> numberWords() {
        String[] w = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"};
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < w.length; i++) {
            m.put(w[i], i + 1);
        }
        return Map.copyOf(m);
    }
}
