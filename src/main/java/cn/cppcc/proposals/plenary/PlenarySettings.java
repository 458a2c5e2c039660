package cn.cppcc.proposals.plenary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The plenary week's tools, bound from {@code proposals.plenary.*}.
 *
 * @param similarFlagScore a row of the batch review is flagged when a proposal at least this similar
 *                         (0 to 1, similarity/) exists: the office opens it on its own to decide MERGE
 * @param queueSize        the most rows a batch table shows at once
 * @param header           the issuing office as the printed lists' header names it, e.g. 区政协提案委员会
 */
@Validated
@ConfigurationProperties("proposals.plenary")
public record PlenarySettings(@DecimalMin("0.0") @DecimalMax("1.0") double similarFlagScore,
                              @Min(1) @Max(BatchSteps.MAX_ITEMS) int queueSize, @NotBlank String header) {}
