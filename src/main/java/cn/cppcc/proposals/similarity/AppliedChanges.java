package cn.cppcc.proposals.similarity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which changes of the log one node has applied to its index. Changes are numbered when they are
 * written, not when they are committed: a change numbered 7 may commit after 8 was read, and one
 * that was rolled back never appears. So the node keeps a floor (every change up to it is applied,
 * or gave up on) and the changes above it it applied; a missing number is waited for until it has
 * been missing for the settle window (longer than any transaction that writes a change), then
 * given up on.
 */
final class AppliedChanges {

    private final Duration settle;
    private long floor;
    private final NavigableSet<Long> appliedAbove = new TreeSet<>();
    private final Map<Long, Instant> missingSince = new HashMap<>();

    AppliedChanges(long floor, Duration settle) {
        this.floor = floor;
        this.settle = settle;
    }

    /** Read the log after this. */
    long floor() {
        return floor;
    }

    boolean isApplied(long seq) {
        return seq <= floor || appliedAbove.contains(seq);
    }

    void applied(long seq) {
        if (seq > floor) {
            appliedAbove.add(seq);
        }
    }

    /** Moves the floor up over the applied changes and the ones missing for longer than the settle window. */
    void advance(Instant now) {
        while (!appliedAbove.isEmpty()) {
            long next = floor + 1;
            if (appliedAbove.remove(next)) {
                floor = next;
                continue;
            }
            Instant since = missingSince.computeIfAbsent(next, seq -> now);
            if (Duration.between(since, now).compareTo(settle) < 0) {
                return;
            }
            missingSince.remove(next);
            floor = next;
        }
    }
}
