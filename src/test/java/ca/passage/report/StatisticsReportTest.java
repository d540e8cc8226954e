package ca.passage.report;

import ca.passage.notice.ExploitationType;
import ca.passage.notice.PersonRole;
import ca.passage.notice.Sex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsReportTest {

    /** January: 12 labour, 8 sexual, 10 forced criminality; February: 9 labour, 3 sexual, 7 forced criminality. */
    private static List<StatisticsSource.NoticeFacts> facts() {
        List<StatisticsSource.NoticeFacts> facts = new ArrayList<>();
        add(facts, 1, ExploitationType.LABOUR, 12);
        add(facts, 1, ExploitationType.SEXUAL, 8);
        add(facts, 1, ExploitationType.FORCED_CRIMINALITY, 10);
        add(facts, 2, ExploitationType.LABOUR, 9);
        add(facts, 2, ExploitationType.SEXUAL, 3);
        add(facts, 2, ExploitationType.FORCED_CRIMINALITY, 7);
        return facts;
    }

    private static void add(List<StatisticsSource.NoticeFacts> facts, int month, ExploitationType type, int count) {
        for (int i = 0; i < count; i++) {
            facts.add(new StatisticsSource.NoticeFacts(YearMonth.of(2026, month), "RED", Set.of(type), Set.of("EUROPE"),
                    List.of(new StatisticsSource.PersonFacts(PersonRole.SUSPECT, "35-49", Sex.MALE))));
        }
    }

    private static StatisticsReport report() {
        return StatisticsSource.build(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), 5, facts());
    }

    @Test
    void countsNoticesByExploitationTypeAndMonthWithSmallCellsWithheld() {
        PublishedTable byType = report().tables().get(0);
        assertThat(byType.columnLabels()).containsExactly("2026-01", "2026-02");
        int labour = byType.rowLabels().indexOf("LABOUR");
        int sexual = byType.rowLabels().indexOf("SEXUAL");
        assertThat(byType.text(labour, 0)).isEqualTo("12");
        assertThat(byType.text(sexual, 1)).isEqualTo(PublishedTable.SUPPRESSED);
        // the 3 alone in its row and column would be given away by the totals: complements are withheld
        assertThat(byType.text(sexual, 0)).as("smallest other count in the row").isEqualTo(PublishedTable.SUPPRESSED);
        int criminality = byType.rowLabels().indexOf("FORCED_CRIMINALITY");
        assertThat(byType.text(criminality, 1)).as("smallest other count in the column").isEqualTo(PublishedTable.SUPPRESSED);
        assertThat(byType.text(labour, 1)).isEqualTo("9");
        assertThat(byType.text(byType.rowLabels().size(), byType.columnLabels().size())).isEqualTo("49");
        assertThat(SuppressionAudit.determinedEntries(byType.suppressed())).isEmpty();
    }

    @Test
    void theAgeBandComesFromTheDateOfBirthOnTheDayReceived() {
        var person = new ca.passage.notice.Person(null, PersonRole.VICTIM, null, null, null, LocalDate.of(2010, 6, 1),
                Sex.FEMALE, null, null, null, null, true, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(StatisticsSource.ageBand(person, LocalDate.of(2026, 5, 31))).isEqualTo("12-17");
        assertThat(StatisticsSource.ageBand(person, LocalDate.of(2028, 6, 1))).isEqualTo("18-24");
    }

    @Test
    void everyFormatCarriesTheMethodologyAndShowsWithheldEntriesAsX() throws Exception {
        StatisticsReport report = report();
        String csv = StatisticsFormat.CSV.write(report);
        assertThat(csv).contains("are withheld")
                .contains("notices-by-exploitation-type,exploitation type,LABOUR,month,2026-01,12")
                .contains("notices-by-exploitation-type,exploitation type,SEXUAL,month,2026-02,x");
        String html = StatisticsFormat.HTML.write(report);
        assertThat(html).contains("<strong>Methodology.</strong>").contains("class=\"suppressed\"");
        JsonNode json = JsonMapper.builder().build().readTree(StatisticsFormat.JSON.write(report));
        assertThat(json.get("methodology").asText()).contains("complementary suppression");
        JsonNode sexualRow = json.get("tables").get(0).get("rows").get(0);
        assertThat(sexualRow.get("label").asText()).isEqualTo("SEXUAL");
        assertThat(sexualRow.get("cells").get(1).get("suppressed").asBoolean()).isTrue();
        assertThat(sexualRow.get("cells").get(1).get("value").isNull()).isTrue();
    }
}
