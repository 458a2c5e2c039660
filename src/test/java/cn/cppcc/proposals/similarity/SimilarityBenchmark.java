package cn.cppcc.proposals.similarity;

import java.util.List;
import java.util.Locale;

/**
 * Prints how well the similarity index finds the same matter worded differently in the labelled
 * set, with the application's weights and, for comparison, without each of its choices. Run it
 * (see README.md, "Similar proposals"):
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
 *   &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   cn.cppcc.proposals.similarity.SimilarityBenchmark
 * </pre>
 */
public final class SimilarityBenchmark {

    private SimilarityBenchmark() {
    }

    public static void main(String[] args) {
        List<Evaluation.Labelled> set = Evaluation.load();
        SimilarityIndex.Weights base = SimilarityIndex.Weights.DEFAULT;
        Evaluation.Figures figures = Evaluation.run(set, base);
        System.out.printf(Locale.ROOT, "Labelled set %s: %d proposals, %d pairs about the same matter, %d queries "
                        + "(each proposal of a pair asks for its partner)%n",
                Evaluation.RESOURCE, figures.proposals(), figures.pairs(), figures.queries());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-50s %9s %9s %7s %11s %10s%n", "weights", "recall@1", "recall@5", "MRR",
                "query ms", "p95 ms");
        print("application (" + describe(base) + ")", figures);
        print("title weighs as the text", Evaluation.run(set,
                new SimilarityIndex.Weights(1f, base.bigramWeight(), base.maxTextTerms())));
        print("title weighs 3 times the text", Evaluation.run(set,
                new SimilarityIndex.Weights(3f, base.bigramWeight(), base.maxTextTerms())));
        print("words only, no character pairs", Evaluation.run(set,
                new SimilarityIndex.Weights(base.titleWeight(), 0f, base.maxTextTerms())));
        print("10 text terms instead of " + base.maxTextTerms(), Evaluation.run(set,
                new SimilarityIndex.Weights(base.titleWeight(), base.bigramWeight(), 10)));
        System.out.println();
        System.out.printf(Locale.ROOT, "Indexing the set took %.1f ms.%n", figures.indexMillis());
        List<Evaluation.Result> misses = figures.misses(5);
        System.out.println(misses.isEmpty() ? "Every partner is in the top 5."
                : "Partners outside the top 5 (query → partner: rank, 0 = not found):");
        for (Evaluation.Result miss : misses) {
            System.out.printf(Locale.ROOT, "  %s %s → %s %s: %d%n", miss.query().id(), miss.query().title(),
                    miss.partner().id(), miss.partner().title(), miss.rank());
        }
    }

    private static String describe(SimilarityIndex.Weights w) {
        return String.format(Locale.ROOT, "title x%.1f, pairs x%.1f, %d terms", w.titleWeight(), w.bigramWeight(),
                w.maxTextTerms());
    }

    private static void print(String label, Evaluation.Figures f) {
        System.out.printf(Locale.ROOT, "%-50s %9.3f %9.3f %7.3f %11.2f %10.2f%n", label, f.recallAt1(), f.recallAt5(),
                f.mrr(), f.meanMillis(), f.p95Millis());
    }
}
