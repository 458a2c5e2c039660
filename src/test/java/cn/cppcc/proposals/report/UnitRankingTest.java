package cn.cppcc.proposals.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking of handling units 先进承办单位: weighted score, best first, units without replies last. */
class UnitRankingTest {

    // fast: all on time, never met face to face, all satisfied
    // friendly: half on time, always met face to face, all satisfied
    final Summary summary = new Figures()
            .replied("fast", 2, true, false, "A", "SATISFIED")
            .replied("friendly", 1, true, true, "A", "SATISFIED")
            .replied("friendly", 1, false, true, "A", "SATISFIED")
            .unreplied("silent", 3, 3)
            .summary();

    List<String> order(double onTime, double faceToFace, double satisfaction) {
        return UnitRanking.rank(summary.byUnit(), new UnitRanking.Weights(onTime, faceToFace, satisfaction)).stream()
                .map(UnitRanking.RankedUnit::code).toList();
    }

    @Test
    void weightsDecideTheOrder() {
        // fast 0.3 + 0 + 0.4 = 0.7; friendly 0.15 + 0.3 + 0.4 = 0.85
        assertThat(order(0.3, 0.3, 0.4)).containsExactly("friendly", "fast", "silent");
        // fast 0.8 + 0 + 0.1 = 0.9; friendly 0.4 + 0.1 + 0.1 = 0.6
        assertThat(order(0.8, 0.1, 0.1)).containsExactly("fast", "friendly", "silent");
    }

    @Test
    void unitsWithoutRepliesComeLastWithoutScoreOrRank() {
        UnitRanking.RankedUnit silent = UnitRanking.rank(summary.byUnit(), new UnitRanking.Weights(0.3, 0.3, 0.4)).get(2);
        assertThat(silent.code()).isEqualTo("silent");
        assertThat(silent.score()).isNull();
        assertThat(silent.rank()).isNull();
    }

    @Test
    void equalScoresShareTheirRankAndMoreRepliesComeFirst() {
        Summary tie = new Figures()
                .replied("one", 1, true, true, "A", "SATISFIED")
                .replied("three", 3, true, true, "A", "SATISFIED")
                .replied("low", 1, false, false, "C", "DISSATISFIED")
                .summary();
        List<UnitRanking.RankedUnit> ranked = UnitRanking.rank(tie.byUnit(), new UnitRanking.Weights(0.3, 0.3, 0.4));
        assertThat(ranked).extracting(UnitRanking.RankedUnit::code).containsExactly("three", "one", "low");
        assertThat(ranked).extracting(UnitRanking.RankedUnit::rank).containsExactly(1, 1, 3);
        assertThat(ranked).extracting(UnitRanking.RankedUnit::score).containsExactly(1.0, 1.0, 0.0);
    }

    @Test
    void aRateWithoutFigureCountsAsZero() {
        Summary unrated = new Figures().replied("edu", 2, true, true, "A", "NO_RESPONSE").summary();
        // 0.3 × 1 + 0.3 × 1 + 0.4 × (no rating: 0)
        assertThat(UnitRanking.rank(unrated.byUnit(), new UnitRanking.Weights(0.3, 0.3, 0.4)).get(0).score()).isEqualTo(0.6);
    }
}
