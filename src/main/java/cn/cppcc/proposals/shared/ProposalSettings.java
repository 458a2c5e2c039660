package cn.cppcc.proposals.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every number DOMAIN.md marks as <em>default</em>, bound from {@code proposals.*}.
 */
@Validated
@ConfigurationProperties("proposals")
public record ProposalSettings(
        boolean demoData,
        @NotNull ZoneId zone,
        @Valid @NotNull CoProposers coProposers,
        @Valid @NotNull Review review,
        @Min(0) int plenaryWindowMonthsBefore,
        @Valid @NotNull Acceptance acceptance,
        @Valid @NotNull Reply reply,
        @Valid @NotNull Opinion opinion,
        @Valid @NotNull Feedback feedback,
        @Valid @NotNull ReHandling reHandling,
        @Valid @NotNull Meeting meeting,
        @Valid @NotNull Publication publication,
        @Valid @NotNull Mail mail,
        @Valid Admin admin,
        boolean clockControl) {

    /** Rule 7: a unit should meet the proposer within this many working days of accepting (a reminder). */
    public record Meeting(@Min(1) int withinWorkingDays) {}

    /** Rule 12: the office decides on publishing a filed proposal within this many days. */
    public record Publication(@Min(1) int windowDays) {}

    /**
     * Mail: the application's address for links, the sender, and the delivery job's retries
     * (a Camunda retry cycle, R5/PT5M: five attempts five minutes apart, then an incident).
     */
    public record Mail(@NotEmpty String baseUrl, @NotEmpty String from, @NotEmpty String retryCycle) {}

    /** The first administrator of a production installation; none in the demo, which has its own. */
    public record Admin(String user, String password) {}

    /** Rule 1: the co-proposers' window. */
    public record CoProposers(@Min(1) int windowWorkingDays) {}

    /** Rule 2: the review deadline. */
    public record Review(@Min(1) int deadlineWorkingDays) {}

    /** Rule 5: the acceptance window; silence counts as acceptance. */
    public record Acceptance(@Min(1) int windowWorkingDays) {}

    /** Rules 4, 7 and 8: reply deadline, its maximum, the text limit, the reply classes, the reminders. */
    public record Reply(@NotNull Period deadline, @NotNull Period maxDeadline, @Min(100) int textMaxLength,
                        @NotEmpty List<@Valid ReplyClass> classes, @NotNull List<@Min(1) Integer> remindersDaysBefore) {

        public Optional<ReplyClass> replyClass(String code) {
            return classes.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }

    /** One reply class, e.g. B 正在解决或列入计划解决, which needs a committed date. */
    public record ReplyClass(@NotEmpty String code, @NotEmpty String label,
                             boolean committedDateRequired, boolean reasonRequired) {}

    /** Rule 6: co-units send their opinions within this period. */
    public record Opinion(@NotNull Period deadline) {}

    /** Rule 9: the feedback window. */
    public record Feedback(@Min(1) int windowWorkingDays) {}

    /** Rule 9: how often a DISSATISFIED rating sends a reply back, and the shorter deadline. */
    public record ReHandling(@Min(0) int rounds, @NotNull Period deadline) {}
}
