package cn.cppcc.proposals.calendar;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import java.util.List;
import java.util.stream.Collectors;

/** An admin changed the holidays and make-up working days of a year (Rule 13); running deadlines move. */
public record CalendarChanged(int year, List<CalendarDay> days) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(AuditAction.CALENDAR_CHANGED, null, null, "Calendar:" + year, days.stream()
                .map(d -> d.day() + " " + (d.kind() == DayKind.OFF ? "放假" : "上班")
                        + (d.holiday() == null ? "" : "（" + d.holiday() + "）"))
                .collect(Collectors.joining("；", year + "年共" + days.size() + "天：", "")));
    }
}
