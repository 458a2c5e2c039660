package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.proposal.ProposalStatus;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The similarity index, bound from {@code proposals.similarity.*}.
 *
 * @param directory         where the index lives; blank: in memory. Either way it is rebuilt from the
 *                          database on every start, so a directory only saves memory
 * @param excludedStatuses  proposals that are never offered as similar (they stay searchable)
 * @param readyWait         how long a request waits for the index to be rebuilt after a start before
 *                          it answers 503
 * @param rebuildBatchSize  proposals read from the database at a time while rebuilding
 * @param pollInterval      how often a node reads the change log and updates its index (a search
 *                          reads it first anyway)
 */
@Validated
@ConfigurationProperties("proposals.similarity")
public record SimilaritySettings(String directory, @NotNull Set<ProposalStatus> excludedStatuses,
                                 @NotNull Duration readyWait, @Min(1) int rebuildBatchSize,
                                 @NotNull Duration pollInterval) {

    boolean inMemory() {
        return directory == null || directory.isBlank();
    }
}
