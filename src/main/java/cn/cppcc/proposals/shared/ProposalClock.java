package cn.cppcc.proposals.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application: the engine's, so that moving it (acceptance tests, API.md
 * clock control) moves deadlines, timers and every recorded time together.
 */
@Component
public class ProposalClock {

    private final ZoneId zone;

    public ProposalClock(ProposalSettings settings) {
        this.zone = settings.zone();
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The end of a deadline day (23:59:59 local time), for due dates and timers. */
    public Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant());
    }
}
