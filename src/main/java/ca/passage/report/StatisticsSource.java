package ca.passage.report;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.ExploitationType;
import ca.passage.notice.NoticeColour;
import ca.passage.notice.NoticeMappers;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.notice.Sex;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Aggregates the store's Canadian notices received in a period into the public statistics tables, then publishes
 * them through {@link CellSuppression}. Reads the notices' canonical content to count; keeps nothing of it but the
 * category of each count.
 */
public final class StatisticsSource {

    public static final int DEFAULT_THRESHOLD = 5;
    static final List<String> AGE_BANDS = List.of("0-11", "12-17", "18-24", "25-34", "35-49", "50+", "UNKNOWN");
    static final List<String> REGIONS = List.of("AFRICA", "AMERICAS", "ASIA", "EUROPE", "OCEANIA", "OTHER");

    private final DataSource dataSource;
    private final Function<String, String> countryOfPartner;
    private final XmlMapper xml = NoticeMappers.xml();
    private final Map<String, String> regionOfCountry = loadRegions();

    /** @param countryOfPartner a partner id to its ISO 3166 country (null when unknown) */
    public StatisticsSource(DataSource dataSource, Function<String, String> countryOfPartner) {
        this.dataSource = dataSource;
        this.countryOfPartner = countryOfPartner;
    }

    /** Facts about one notice that the tables count: no identifiers. */
    record NoticeFacts(YearMonth month, String colour, Set<ExploitationType> types, Set<String> regions,
                       List<PersonFacts> persons) {
    }

    record PersonFacts(PersonRole role, String ageBand, Sex sex) {
    }

    public StatisticsReport report(LocalDate from, LocalDate to, int threshold) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        return build(from, to, threshold, read(from, to));
    }

    static StatisticsReport build(LocalDate from, LocalDate to, int threshold, List<NoticeFacts> facts) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<String> monthLabels = months.stream().map(YearMonth::toString).toList();
        List<String> types = Arrays.stream(ExploitationType.values()).map(Enum::name).toList();
        List<String> colours = new ArrayList<>(Arrays.stream(NoticeColour.values()).map(Enum::name).toList());
        colours.add("DIFFUSION");
        List<String> roles = Arrays.stream(PersonRole.values()).map(Enum::name).toList();
        List<String> sexes = Arrays.stream(Sex.values()).map(Enum::name).toList();

        int[][] byType = new int[types.size()][months.size()];
        int[][] byColour = new int[colours.size()][months.size()];
        int[][] byRegion = new int[REGIONS.size()][months.size()];
        int[][] roleAge = new int[roles.size()][AGE_BANDS.size()];
        int[][] roleSex = new int[roles.size()][sexes.size()];
        for (NoticeFacts n : facts) {
            int m = months.indexOf(n.month());
            if (m < 0) {
                continue;
            }
            n.types().forEach(t -> byType[types.indexOf(t.name())][m]++);
            byColour[colours.indexOf(n.colour())][m]++;
            n.regions().forEach(r -> byRegion[REGIONS.indexOf(r)][m]++);
            for (PersonFacts p : n.persons()) {
                roleAge[roles.indexOf(p.role().name())][AGE_BANDS.indexOf(p.ageBand())]++;
                roleSex[roles.indexOf(p.role().name())][sexes.indexOf(p.sex().name())]++;
            }
        }
        CellSuppression suppression = new CellSuppression(threshold);
        return new StatisticsReport(from, to, threshold, List.of(
                suppression.publish(new CrossTab("notices-by-exploitation-type", "Notices by exploitation type and month",
                        "exploitation type", "month", types, monthLabels, byType)),
                suppression.publish(new CrossTab("notices-by-colour", "Notices by colour (or diffusion) and month",
                        "colour", "month", colours, monthLabels, byColour)),
                suppression.publish(new CrossTab("notices-by-partner-region", "Notices by partner region and month",
                        "partner region", "month", REGIONS, monthLabels, byRegion)),
                suppression.publish(new CrossTab("persons-by-role-and-age", "Persons by role and age band",
                        "role", "age band", roles, AGE_BANDS, roleAge)),
                suppression.publish(new CrossTab("persons-by-role-and-sex", "Persons by role and sex",
                        "role", "sex", roles, sexes, roleSex))));
    }

    private List<NoticeFacts> read(LocalDate from, LocalDate to) {
        Map<String, NoticeFacts> facts = new LinkedHashMap<>();
        Map<String, Set<String>> regions = new HashMap<>();
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.notice_id, e.partner_id FROM exchange e "
                    + "JOIN notice n ON n.notice_id = e.notice_id WHERE n.origin_partner IS NULL AND e.direction = 'OUT' "
                    + "AND n.received_at >= ? AND n.received_at < ?")) {
                ps.setTimestamp(1, start);
                ps.setTimestamp(2, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        regions.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>())
                                .add(regionOf(countryOfPartner.apply(rs.getString(2))));
                    }
                }
            }
            // an updated version (it supersedes another) is the same case notice again: counted once
            try (PreparedStatement ps = c.prepareStatement("SELECT notice_id, received_at, content FROM notice "
                    + "WHERE origin_partner IS NULL AND supersedes IS NULL AND received_at >= ? AND received_at < ? "
                    + "ORDER BY received_at")) {
                ps.setTimestamp(1, start);
                ps.setTimestamp(2, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        LocalDate received = rs.getTimestamp(2).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                        CaseNotice notice = xml.readValue(rs.getBytes(3), CaseNotice.class);
                        facts.put(id, facts(notice, received, regions.getOrDefault(id, Set.of())));
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the notices for the statistics: " + e.getMessage(), e);
        }
        return List.copyOf(facts.values());
    }

    static NoticeFacts facts(CaseNotice notice, LocalDate received, Set<String> regions) {
        Set<ExploitationType> types = notice.offence() == null ? Set.of()
                : new LinkedHashSet<>(notice.offence().exploitationTypes());
        List<PersonFacts> persons = notice.persons().stream()
                .map(p -> new PersonFacts(p.role(), ageBand(p, received), p.sex() == null ? Sex.UNKNOWN : p.sex()))
                .toList();
        return new NoticeFacts(YearMonth.from(received), notice.requestedAction().label(), types, regions, persons);
    }

    static String ageBand(Person p, LocalDate on) {
        if (p.dateOfBirth() == null) {
            return "UNKNOWN";
        }
        int age = Period.between(p.dateOfBirth(), on).getYears();
        return age < 12 ? "0-11" : age < 18 ? "12-17" : age < 25 ? "18-24" : age < 35 ? "25-34" : age < 50 ? "35-49" : "50+";
    }

    private String regionOf(String country) {
        return country == null ? "OTHER" : regionOfCountry.getOrDefault(country, "OTHER");
    }

    private static Map<String, String> loadRegions() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = StatisticsSource.class.getResourceAsStream("/report/regions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("report/regions.tsv is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                for (String code : parts[1].trim().split(" +")) {
                    map.put(code, parts[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report/regions.tsv: " + e.getMessage(), e);
        }
        return map;
    }
}
