package cn.cppcc.proposals.report;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Wording of the reports, bound from {@code proposals.report}.
 *
 * @param committeeName how the annual report names the committee, e.g. 区政协 or 市政协
 */
@Validated
@ConfigurationProperties("proposals.report")
public record ReportSettings(@NotBlank String committeeName) {}
