package cn.cppcc.proposals.calendar;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import java.time.Instant;

/**
 * An admin moved the application's clock (acceptance tests only, proposals.clock-control).
 *
 * @param to the new time, or {@code null} when the clock was put back to the real time
 */
public record ClockMoved(Instant to) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return to == null ? AuditNote.of(AuditAction.CLOCK_RESET, null, null, "Clock", "恢复为实际时间")
                : AuditNote.of(AuditAction.CLOCK_SET, null, null, "Clock", "时间：" + to);
    }
}
