package cn.cppcc.proposals.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latency of every request of a phase, by kind of request ("review", "GET /api/tasks"), kept
 * whole (a run has at most some 100,000 requests) so that percentiles are exact. Kinds print in the
 * order they were first seen, which is the lifecycle's order.
 */
final class Timings {

    private final Map<String, List<Long>> nanosByKind = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    void record(String kind, long nanos) {
        requests.incrementAndGet();
        List<Long> samples;
        synchronized (nanosByKind) {
            samples = nanosByKind.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()));
        }
        samples.add(nanos);
    }

    long requests() {
        return requests.get();
    }

    /** The p-th percentile (nearest rank) of one kind, in milliseconds; NaN when it has no sample. */
    double percentile(String kind, double p) {
        List<Long> samples;
        synchronized (nanosByKind) {
            samples = nanosByKind.get(kind);
        }
        if (samples == null || samples.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted;
        synchronized (samples) {
            sorted = samples.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** One line per kind: count, p50, p95, p99 and the largest, in milliseconds. */
    void print(String indent) {
        List<String> kinds;
        synchronized (nanosByKind) {
            kinds = new ArrayList<>(nanosByKind.keySet());
        }
        int width = kinds.stream().mapToInt(String::length).max().orElse(10);
        String row = "%s%-" + width + "s %7s %8s %8s %8s %8s%n";
        System.out.printf(Locale.ROOT, row, indent, "request", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (String kind : kinds) {
            int count = nanosByKind.get(kind).size();
            System.out.printf(Locale.ROOT, "%s%-" + width + "s %7d %8.1f %8.1f %8.1f %8.1f%n", indent, kind, count,
                    percentile(kind, 50), percentile(kind, 95), percentile(kind, 99), percentile(kind, 100));
        }
    }
}
