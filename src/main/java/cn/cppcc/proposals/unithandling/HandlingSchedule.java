package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * When the handling sub-process reminds: before the reply deadline (Rule 8, default 30 and 7 days)
 * and when the unit should have met the proposer (Rule 7, default 15 working days after accepting).
 */
@Component("handlingSchedule")
public class HandlingSchedule {

    private final UnitAssignmentService assignments;
    private final HandlingDeadlines deadlines;
    private final ProposalSettings settings;
    private final ProposalClock clock;

    HandlingSchedule(UnitAssignmentService assignments, HandlingDeadlines deadlines, ProposalSettings settings,
            ProposalClock clock) {
        this.assignments = assignments;
        this.deadlines = deadlines;
        this.settings = settings;
        this.clock = clock;
    }

    /** The reminder times still ahead: the morning (09:00) of each day so many days before the deadline. */
    public List<Date> remindersBefore(Date replyDue) {
        LocalDate due = LocalDate.ofInstant(replyDue.toInstant(), clock.zone());
        return settings.reply().remindersDaysBefore().stream()
                .map(days -> Date.from(due.minusDays(days).atTime(9, 0).atZone(clock.zone()).toInstant()))
                .filter(at -> at.toInstant().isAfter(clock.now()))
                .sorted()
                .toList();
    }

    public Date meetingDue(Long proposalId, String unitCode) {
        return clock.endOf(meetingDay(assignments.current(proposalId, unitCode)));
    }

    LocalDate meetingDay(UnitAssignment assignment) {
        return deadlines.due(deadlines.meeting(assignment));
    }
}
