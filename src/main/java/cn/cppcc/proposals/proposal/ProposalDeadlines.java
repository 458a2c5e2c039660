package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.calendar.CalendarChanged;
import cn.cppcc.proposals.calendar.WorkingDayCalendar;
import cn.cppcc.proposals.calendar.WorkingDayDeadline;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.RunningTimers;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The proposal's working-day deadlines, one definition each for where they start and for the
 * calendar change that moves them while they run: the co-proposers' window (Rule 1) and the
 * review (Rule 2).
 */
@Component
class ProposalDeadlines {

    private final ProposalRepository proposals;
    private final WorkingDayCalendar calendar;
    private final ProposalSettings settings;
    private final ProposalClock clock;
    private final RunningTimers timers;
    private final EngineAsSystem system;

    ProposalDeadlines(ProposalRepository proposals, WorkingDayCalendar calendar, ProposalSettings settings,
            ProposalClock clock, RunningTimers timers, EngineAsSystem system) {
        this.proposals = proposals;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.timers = timers;
        this.system = system;
    }

    /** Rule 1: co-proposers answer within the window, counted from the day the proposal was submitted. */
    WorkingDayDeadline coProposers(Proposal proposal) {
        return new WorkingDayDeadline(LocalDate.ofInstant(proposal.getCreatedAt(), clock.zone()),
                settings.coProposers().windowWorkingDays());
    }

    /** Rule 2: the office reviews within the deadline, counted from the day the review opened. */
    WorkingDayDeadline review(LocalDate openedOn) {
        return new WorkingDayDeadline(openedOn, settings.review().deadlineWorkingDays());
    }

    LocalDate due(WorkingDayDeadline deadline) {
        return calendar.due(deadline);
    }

    /** Rule 13: a calendar change moves the deadlines that are running. */
    @EventListener
    void calendarChanged(CalendarChanged change) {
        system.run(() -> proposals.findByStatusIn(List.of(ProposalStatus.AWAITING_CO_PROPOSERS, ProposalStatus.UNDER_REVIEW))
                .forEach(this::moveRunning));
    }

    private void moveRunning(Proposal p) {
        String instance = timers.proposalInstance(p.getId()).orElse(null);
        if (instance == null) {
            return;
        }
        if (p.getStatus() == ProposalStatus.AWAITING_CO_PROPOSERS && p.getCoProposersDue() != null) {
            LocalDate due = due(coProposers(p));
            if (!due.equals(p.getCoProposersDue())) {
                p.moveCoProposersDue(due);
                timers.move(instance, ProposalVariables.CO_PROPOSERS_DUE, clock.endOf(due),
                        ProposalHandlingProcess.BOUNDARY_CO_PROPOSERS_WINDOW_CLOSED, ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL);
            }
        } else if (p.getStatus() == ProposalStatus.UNDER_REVIEW && p.getReviewOpenedOn() != null) {
            LocalDate due = due(review(p.getReviewOpenedOn()));
            if (!due.equals(p.getReviewDue())) {
                p.moveReviewDue(due);
                timers.move(instance, ProposalVariables.REVIEW_DUE, clock.endOf(due),
                        ProposalHandlingProcess.BOUNDARY_REVIEW_OVERDUE, ProposalHandlingProcess.TASK_REVIEW_PROPOSAL);
            }
        }
    }
}
