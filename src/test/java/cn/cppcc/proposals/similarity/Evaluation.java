package cn.cppcc.proposals.similarity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The labelled set {@code similarity/proposals.json}: county-level proposals, among them pairs
 * about the same matter worded differently ({@code pair}), near misses of the same field and a
 * different matter ({@code nearMissOf}), and unrelated ones. Indexes the whole set with the
 * application's {@link SimilarityIndex} and asks, for each proposal of a pair, where its partner
 * ranks among the others.
 */
final class Evaluation {

    static final String RESOURCE = "/similarity/proposals.json";

    /** One proposal of the set. */
    record Labelled(String id, String pair, String nearMissOf, String category, String title, String background,
                    String suggestions) {}

    /** Where the partner ranked (1 = first; 0 = not found at all), and how long the query took. */
    record Result(Labelled query, Labelled partner, int rank, long nanos) {}

    /** The figures of one run. */
    record Figures(int proposals, int pairs, int queries, double recallAt1, double recallAt5, double mrr,
                   double meanMillis, double p95Millis, double indexMillis, List<Result> results) {

        List<Result> misses(int k) {
            return results.stream().filter(r -> r.rank() == 0 || r.rank() > k).toList();
        }
    }

    private Evaluation() {
    }

    static List<Labelled> load() {
        try (InputStream in = Evaluation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return Arrays.asList(json.readValue(in, Labelled[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Figures run(List<Labelled> set, SimilarityIndex.Weights weights) {
        Map<String, Long> ids = new HashMap<>();
        List<IndexedProposal> documents = new ArrayList<>();
        for (Labelled p : set) {
            long id = ids.size() + 1L;
            ids.put(p.id(), id);
            documents.add(new IndexedProposal(id, String.format("%04d", id), p.title(), p.background(), p.suggestions(),
                    p.category(), "FILED", "eval", 0, Set.of(), List.of()));
        }
        Map<String, Labelled> partners = new HashMap<>();
        for (Labelled p : set) {
            if (p.pair() != null) {
                set.stream().filter(o -> p.pair().equals(o.pair()) && !o.id().equals(p.id())).findFirst()
                        .ifPresent(o -> partners.put(p.id(), o));
            }
        }
        try (SimilarityIndex index = new SimilarityIndex(new ByteBuffersDirectory(), weights)) {
            long start = System.nanoTime();
            index.putAll(documents);
            double indexMillis = (System.nanoTime() - start) / 1e6;
            // Warm up the analyzers' dictionaries and the JIT, so that the times are of queries.
            for (Labelled p : set) {
                index.similar(p.title(), p.background(), p.suggestions(), SimilarityIndex.Scope.all(), 5);
            }
            List<Result> results = new ArrayList<>();
            for (Labelled p : set) {
                Labelled partner = partners.get(p.id());
                if (partner == null) {
                    continue;
                }
                long begin = System.nanoTime();
                List<SimilarityIndex.Hit> hits = index.similar(p.title(), p.background(), p.suggestions(),
                        SimilarityIndex.Scope.all().excluding(ids.get(p.id())), set.size());
                long nanos = System.nanoTime() - begin;
                int rank = 0;
                for (int i = 0; i < hits.size(); i++) {
                    if (hits.get(i).id() == ids.get(partner.id())) {
                        rank = i + 1;
                        break;
                    }
                }
                results.add(new Result(p, partner, rank, nanos));
            }
            int n = results.size();
            double r1 = results.stream().filter(r -> r.rank() == 1).count() / (double) n;
            double r5 = results.stream().filter(r -> r.rank() >= 1 && r.rank() <= 5).count() / (double) n;
            double mrr = results.stream().mapToDouble(r -> r.rank() == 0 ? 0 : 1.0 / r.rank()).sum() / n;
            double[] millis = results.stream().mapToDouble(r -> r.nanos() / 1e6).sorted().toArray();
            double mean = Arrays.stream(millis).average().orElse(0);
            double p95 = millis.length == 0 ? 0 : millis[Math.min(millis.length - 1, (int) Math.ceil(millis.length * 0.95) - 1)];
            return new Figures(set.size(), partners.size() / 2, n, r1, r5, mrr, mean, p95, indexMillis, results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
