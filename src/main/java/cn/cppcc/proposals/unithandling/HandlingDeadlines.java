package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.calendar.CalendarChanged;
import cn.cppcc.proposals.calendar.WorkingDayCalendar;
import cn.cppcc.proposals.calendar.WorkingDayDeadline;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.RunningTimers;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A unit's working-day deadlines, one definition each for where they start and for the calendar
 * change that moves them while they run: acceptance (Rule 5), the meeting with the proposer after
 * accepting (Rule 7, a reminder) and the proposer's rating (Rule 9).
 */
@Component
class HandlingDeadlines {

    private final UnitAssignmentRepository assignments;
    private final WorkingDayCalendar calendar;
    private final ProposalSettings settings;
    private final ProposalClock clock;
    private final RunningTimers timers;
    private final EngineAsSystem system;

    HandlingDeadlines(UnitAssignmentRepository assignments, WorkingDayCalendar calendar, ProposalSettings settings,
            ProposalClock clock, RunningTimers timers, EngineAsSystem system) {
        this.assignments = assignments;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.timers = timers;
        this.system = system;
    }

    /** Rule 5: the unit accepts or objects within the window, from the day its part opened. */
    WorkingDayDeadline acceptance(LocalDate openedOn) {
        return new WorkingDayDeadline(openedOn, settings.acceptance().windowWorkingDays());
    }

    /** Rule 7: the unit should meet the proposer within this many working days of accepting. */
    WorkingDayDeadline meeting(UnitAssignment assignment) {
        return new WorkingDayDeadline(assignment.getAcceptedAt() == null ? clock.today() : day(assignment.getAcceptedAt()),
                settings.meeting().withinWorkingDays());
    }

    /** Rule 9: the proposer rates the reply within the window, from the day it was sent. */
    WorkingDayDeadline feedback(LocalDate sentOn) {
        return new WorkingDayDeadline(sentOn, settings.feedback().windowWorkingDays());
    }

    LocalDate due(WorkingDayDeadline deadline) {
        return calendar.due(deadline);
    }

    /** Rule 13: a calendar change moves the deadlines that are running. */
    @EventListener
    void calendarChanged(CalendarChanged change) {
        system.run(() -> assignments.findByStatusIn(List.of(UnitStatus.AWAITING_ACCEPTANCE, UnitStatus.HANDLING,
                UnitStatus.REPLIED)).stream().filter(a -> a.getProcessInstanceId() != null).forEach(this::moveRunning));
    }

    private void moveRunning(UnitAssignment a) {
        String instance = a.getProcessInstanceId();
        if (a.getStatus() == UnitStatus.AWAITING_ACCEPTANCE && a.getAcceptanceOpenedOn() != null) {
            LocalDate due = due(acceptance(a.getAcceptanceOpenedOn()));
            if (!due.equals(a.getAcceptanceDue())) {
                a.moveAcceptanceDue(due);
                timers.move(instance, ProposalVariables.ACCEPTANCE_DUE, clock.endOf(due),
                        UnitHandlingProcess.BOUNDARY_ACCEPTANCE_WINDOW_CLOSED, UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT);
            }
        } else if (a.getStatus() == UnitStatus.REPLIED) {
            Reply reply = a.latestSentReply().filter(r -> r.getStatus() == ReplyStatus.SENT).orElse(null);
            if (reply != null && reply.getRating() == null) {
                LocalDate due = due(feedback(day(reply.getSentAt())));
                if (!due.equals(reply.getFeedbackDue())) {
                    reply.moveFeedbackDue(due);
                    timers.move(instance, ProposalVariables.FEEDBACK_DUE, clock.endOf(due),
                            UnitHandlingProcess.BOUNDARY_FEEDBACK_WINDOW_CLOSED, UnitHandlingProcess.TASK_RATE_REPLY);
                }
            }
        } else if (a.getStatus() == UnitStatus.HANDLING && a.getAcceptedAt() != null) {
            timers.moveTimers(instance, UnitHandlingProcess.CATCH_MEETING_DUE, clock.endOf(due(meeting(a))));
        }
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.zone());
    }
}
