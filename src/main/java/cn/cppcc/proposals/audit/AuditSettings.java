package cn.cppcc.proposals.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code proposals.audit.*}.
 *
 * @param verifyCron    when the chain is verified and the office told if it is broken (Spring cron, zone {@code proposals.zone})
 * @param retention     how long records are kept: only {@code permanent} (deleting old records would need an
 *                      anchor to keep the chain verifiable; not built)
 * @param exportMaxRows the most rows one CSV export holds
 * @param maxOffset     how deep the search pages (page × size); narrow the filter beyond
 */
@Validated
@ConfigurationProperties("proposals.audit")
public record AuditSettings(@NotEmpty String verifyCron, @Pattern(regexp = "permanent") String retention,
                            @Min(1) @Max(10_000_000) int exportMaxRows, @Min(100) int maxOffset) {
}
