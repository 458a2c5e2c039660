package cn.cppcc.proposals.web;

import cn.cppcc.proposals.shared.ProposalClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Times and dates as the pages show them, in the committee's zone ({@code ${@pageFormat.time(...)}}). */
@Component("pageFormat")
public class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * The least score (0 to 1) of a proposal the pages offer as similar: below it the two share a
     * few common words, not a matter (a 0 % or 3 % "match" only costs the reader a look). The score
     * is relative to what a proposal with every one of the words would reach, and so depends on
     * the other proposals: a near-duplicate scored 8.8 % among few proposals (24 % among many),
     * hence 5 %, not 10 %: a duplicate must never be hidden.
     */
    public static final double LEAST_SIMILARITY = 0.05;

    private final ProposalClock clock;

    PageFormat(ProposalClock clock) {
        this.clock = clock;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(clock.zone()));
    }

    public String time(Date date) {
        return date == null ? "" : time(date.toInstant());
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public String date(Date date) {
        return date == null ? "" : LocalDate.ofInstant(date.toInstant(), clock.zone()).toString();
    }

    public String today() {
        return clock.today().toString();
    }

    /** Days from today to {@code date}; negative once it has passed. */
    public long daysLeft(LocalDate date) {
        return date == null ? 0 : ChronoUnit.DAYS.between(clock.today(), date);
    }

    public boolean overdue(LocalDate date) {
        return date != null && date.isBefore(clock.today());
    }

    public boolean overdue(Date date) {
        return date != null && date.toInstant().isBefore(clock.now());
    }

    /** A rate of 0 to 1 as a percentage with at most one decimal ("85.7%", "100%"); "—" without a figure. */
    public String rate(Double rate) {
        if (rate == null) {
            return "—";
        }
        return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    /** A score of 0 to 1 as a percentage. */
    public long percent(double score) {
        return Math.round(score * 100);
    }
}
