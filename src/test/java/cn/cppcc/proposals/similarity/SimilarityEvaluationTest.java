package cn.cppcc.proposals.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rules 1 and 3 on the labelled set: for each proposal of a pair about the same matter, the
 * other one is among the five most similar (both directions), for at least 80% of them.
 */
class SimilarityEvaluationTest {

    @Test
    void theSetHasTwentyPairsAmongSixtyProposals() {
        List<Evaluation.Labelled> set = Evaluation.load();
        assertThat(set).hasSizeGreaterThanOrEqualTo(60);
        assertThat(set.stream().filter(p -> p.pair() != null)
                .collect(Collectors.groupingBy(Evaluation.Labelled::pair, Collectors.counting())))
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy((pair, count) -> assertThat(count).as(pair).isEqualTo(2));
    }

    @Test
    void theSameMatterWordedDifferentlyIsAmongTheFiveMostSimilar() {
        Evaluation.Figures figures = Evaluation.run(Evaluation.load(), SimilarityIndex.Weights.DEFAULT);

        assertThat(figures.queries()).isGreaterThanOrEqualTo(40);
        assertThat(figures.recallAt5())
                .as("recall@5; missed: %s", figures.misses(5).stream()
                        .map(r -> r.query().id() + "→" + r.partner().id() + " at " + r.rank()).toList())
                .isGreaterThanOrEqualTo(0.8);
    }
}
