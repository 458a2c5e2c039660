package cn.cppcc.proposals.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DOMAIN.md "What is counted": how the grouped rows become the figures. */
class SummaryTest {

    @Test
    void coUnitsCountAsAssignedAndInNoRate() {
        Summary s = new Figures()
                .replied("edu", 1, true, true, "A", "SATISFIED")
                .coUnit("housing", 2)
                .summary();
        assertThat(s.unitAssignments()).isEqualTo(3);
        assertThat(s.replying()).isEqualTo(1);
        assertThat(s.replyRate()).isEqualTo(1.0);
        Summary.UnitFigures housing = s.byUnit().get(1);
        assertThat(housing.assigned()).isEqualTo(2);
        assertThat(housing.replying()).isZero();
        assertThat(housing.replyRate()).isNull();
    }

    @Test
    void noResponseIsCountedOnItsOwnAndNeverRated() {
        Summary s = new Figures()
                .replied("edu", 3, true, true, "A", "SATISFIED")
                .replied("edu", 1, true, true, "B", "BASICALLY_SATISFIED")
                .replied("edu", 2, true, true, "C", "NO_RESPONSE")
                .replied("edu", 1, true, true, "A", null)
                .summary();
        assertThat(s.noResponse()).isEqualTo(2);
        assertThat(s.rated()).isEqualTo(4);
        assertThat(s.satisfiedRate()).isEqualTo(0.75);
        assertThat(s.satisfiedOrBasicallyRate()).isEqualTo(1.0);
        assertThat(s.classes()).containsExactly(java.util.Map.entry("A", 4L), java.util.Map.entry("B", 1L),
                java.util.Map.entry("C", 2L));
    }

    @Test
    void ratesWithoutDenominatorAreNull() {
        Summary s = new Figures().unreplied("edu", 2, 1).summary();
        assertThat(s.replyRate()).isEqualTo(0.0);
        assertThat(s.onTimeReplyRate()).isNull();
        assertThat(s.faceToFaceRate()).isNull();
        assertThat(s.satisfiedRate()).isNull();
        assertThat(s.satisfiedOrBasicallyRate()).isNull();
        assertThat(s.overdue()).isEqualTo(1);
    }

    @Test
    void everyCategoryIsListedInTheCatalogsOrder() {
        Summary s = new Figures().category("城市交通", 2, 2).category("经济发展", 1, 0).summary();
        assertThat(s.byCategory().keySet()).containsExactlyElementsOf(Figures.CATEGORIES);
        assertThat(s.byCategory().get("城市交通")).isEqualTo(2);
        assertThat(s.byCategory().get("其它")).isZero();
        assertThat(s.assigned()).isEqualTo(3);
        assertThat(s.handled()).isEqualTo(2);
    }
}
