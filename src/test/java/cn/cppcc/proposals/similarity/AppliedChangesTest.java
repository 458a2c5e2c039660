package cn.cppcc.proposals.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A node's floor in the change log: over what it applied, waiting for a late commit, then giving up on it. */
class AppliedChangesTest {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    final AppliedChanges applied = new AppliedChanges(10, Duration.ofMinutes(5));

    @Test
    void theFloorMovesOverWhatWasAppliedInOrder() {
        applied.applied(11);
        applied.applied(12);
        applied.advance(T0);
        assertThat(applied.floor()).isEqualTo(12);
        assertThat(applied.isApplied(5)).isTrue();
        assertThat(applied.isApplied(13)).isFalse();
    }

    @Test
    void aChangeNumberedEarlierButCommittedLaterIsWaitedForAndThenApplied() {
        applied.applied(12);
        applied.applied(13);
        applied.advance(T0);
        assertThat(applied.floor()).as("11 is not committed yet").isEqualTo(10);
        assertThat(applied.isApplied(12)).isTrue();
        assertThat(applied.isApplied(11)).isFalse();

        applied.applied(11);
        applied.advance(T0.plusSeconds(1));
        assertThat(applied.floor()).isEqualTo(13);
    }

    @Test
    void aChangeRolledBackIsGivenUpOnAfterTheSettleWindow() {
        applied.applied(12);
        applied.advance(T0);
        applied.advance(T0.plus(Duration.ofMinutes(4)));
        assertThat(applied.floor()).isEqualTo(10);
        applied.advance(T0.plus(Duration.ofMinutes(5)));
        assertThat(applied.floor()).isEqualTo(12);
    }
}
