package cn.cppcc.proposals.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * Runs {@code lifecycles} lives with {@code threads} threads, each taking the next index as it
 * finishes one, and times the whole. A life that fails (an unexpected answer, already recorded in
 * {@link Client.Failures}) is given up and the thread goes on with the next.
 */
final class Workload {

    /** What a run did: lives finished and failed, proposals submitted, the wall time. */
    record Done(int finished, int failed, long proposals, double seconds) {}

    private Workload() {
    }

    /**
     * @param life runs life {@code index} and answers how many proposals it submitted
     * @param progress print how far it is every 30 s (for long runs)
     */
    static Done run(int threads, int lifecycles, IntUnaryOperator life, Client.Failures failures, boolean progress) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong proposals = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int index = next.getAndIncrement(); index < lifecycles; index = next.getAndIncrement()) {
                    try {
                        proposals.addAndGet(life.applyAsInt(index));
                        finished.incrementAndGet();
                    } catch (Client.RequestFailed recorded) {
                        failed.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.failed("life " + index + ": " + e);
                        failed.incrementAndGet();
                    }
                }
            }, "bench-client-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (progress && worker.isAlive()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "  … %,d of %,d done in %.0f s (%.1f/s), %d failed%n", finished.get(),
                            lifecycles, seconds, finished.get() / seconds, failed.get());
                }
            }
        }
        return new Done(finished.get(), failed.get(), proposals.get(), (System.nanoTime() - start) / 1e9);
    }
}
