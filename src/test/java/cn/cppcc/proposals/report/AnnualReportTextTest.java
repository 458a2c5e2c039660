package cn.cppcc.proposals.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The annual report's paragraph in the seeds' wording, adapted to what the figures say. */
class AnnualReportTextTest {

    @Test
    void allHandledWithEqualRatesReadsAsTheSeeds() {
        Summary s = new Figures().proposals(5, 4)
                .category("城市交通", 2, 2).category("其它", 1, 1)
                .replied("edu", 3, true, true, "A", "SATISFIED")
                .summary();
        assertThat(AnnualReportText.of(2026, "区政协", s)).isEqualTo("2026年区政协共交办提案3件，其中涉及城市交通类2件，"
                + "其它1件。目前3件提案全部得到有效办理，见面率和答复率均达到100%，满意率和基本满意率达到100%。"
                + "全年共提交提案5件，立案4件。");
    }

    @Test
    void differentRatesAreNamedSeparately() {
        Summary s = new Figures().proposals(4, 4)
                .category("教科文卫", 4, 4)
                .replied("edu", 2, true, true, "A", "SATISFIED")
                .replied("edu", 1, true, false, "A", "BASICALLY_SATISFIED")
                .replied("edu", 1, true, false, "B", "DISSATISFIED")
                .summary();
        assertThat(AnnualReportText.of(2026, "市政协", s)).contains("目前4件提案全部得到有效办理，见面率为50%，答复率为100%，"
                + "满意率和基本满意率达到75%。");
    }

    @Test
    void categoriesByCountWithOtherLast() {
        Summary s = new Figures().proposals(9, 9)
                .category("其它", 4, 0).category("经济发展", 1, 0).category("社区建设", 2, 0).category("城市交通", 1, 0)
                .unreplied("edu", 8, 0)
                .summary();
        assertThat(AnnualReportText.of(2026, "区政协", s)).startsWith("2026年区政协共交办提案8件，其中涉及社区建设类2件，"
                + "经济发展类1件，城市交通类1件，其它4件。目前8件提案均在办理中。");
    }

    @Test
    void partlyHandledSaysHowManyAreStillInHandling() {
        Summary s = new Figures().proposals(3, 3)
                .category("城市交通", 3, 2)
                .replied("transport", 2, true, true, "A", null)
                .unreplied("transport", 1, 0)
                .summary();
        // no rating yet: nothing about satisfaction
        assertThat(AnnualReportText.of(2026, "区政协", s)).isEqualTo("2026年区政协共交办提案3件，其中涉及城市交通类3件。"
                + "目前已办复2件，其余1件正在办理中，见面率为100%，答复率为66.7%。全年共提交提案3件，立案3件。");
    }

    @Test
    void nothingAssignedYet() {
        assertThat(AnnualReportText.of(2027, "区政协", new Figures().proposals(2, 0).summary()))
                .isEqualTo("2027年区政协尚未交办提案。全年共提交提案2件，立案0件。");
    }

    @Test
    void percentagesHaveAtMostOneDecimal() {
        assertThat(AnnualReportText.percent(6.0 / 7)).isEqualTo("85.7%");
        assertThat(AnnualReportText.percent(0.75)).isEqualTo("75%");
        assertThat(AnnualReportText.percent(1.0)).isEqualTo("100%");
        assertThat(AnnualReportText.percent(0.0)).isEqualTo("0%");
        assertThat(AnnualReportText.percent(null)).isEqualTo("—");
    }
}
