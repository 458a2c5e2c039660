package cn.cppcc.proposals.deadline;

import cn.cppcc.proposals.unithandling.Reply;
import cn.cppcc.proposals.unithandling.ReplyStatus;
import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.unithandling.UnitStatus;
import cn.cppcc.proposals.calendar.CalendarChanged;
import cn.cppcc.proposals.calendar.WorkingDayCalendar;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the running working-day deadlines when the calendar changed, in the same transaction as the
 * change: the co-proposers' window (Rule 1), the review (Rule 2), the acceptance window (Rule 5),
 * the feedback window (Rule 9) and the meeting reminder (Rule 7). Deadlines in months do not move.
 */
@Component
class RunningDeadlines {

    private final JdbcClient jdbc;
    private final ProposalService proposals;
    private final UnitAssignmentService assignments;
    private final WorkingDayCalendar calendar;
    private final ProposalSettings settings;
    private final ProposalClock clock;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final EngineAsSystem system;

    RunningDeadlines(JdbcClient jdbc, ProposalService proposals, UnitAssignmentService assignments,
            WorkingDayCalendar calendar, ProposalSettings settings, ProposalClock clock, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService, EngineAsSystem system) {
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.assignments = assignments;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.system = system;
    }

    @EventListener
    public void calendarChanged(CalendarChanged change) {
        system.run(this::moveAll);
    }

    void moveAll() {
        for (long id : ids("select id from proposals where status in ('AWAITING_CO_PROPOSERS', 'UNDER_REVIEW')")) {
            Proposal p = proposals.require(id);
            String instance = proposalInstance(id);
            if (instance == null) {
                continue;
            }
            if (p.getStatus() == ProposalStatus.AWAITING_CO_PROPOSERS && p.getCoProposersDue() != null) {
                LocalDate due = calendar.addWorkingDays(day(p.getCreatedAt()), settings.coProposers().windowWorkingDays());
                if (!due.equals(p.getCoProposersDue())) {
                    p.moveCoProposersDue(due);
                    move(instance, ProposalVariables.CO_PROPOSERS_DUE, due,
                            ProposalHandlingProcess.BOUNDARY_CO_PROPOSERS_WINDOW_CLOSED, ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL);
                }
            } else if (p.getStatus() == ProposalStatus.UNDER_REVIEW && p.getReviewOpenedOn() != null) {
                LocalDate due = calendar.addWorkingDays(p.getReviewOpenedOn(), settings.review().deadlineWorkingDays());
                if (!due.equals(p.getReviewDue())) {
                    p.moveReviewDue(due);
                    move(instance, ProposalVariables.REVIEW_DUE, due,
                            ProposalHandlingProcess.BOUNDARY_REVIEW_OVERDUE, ProposalHandlingProcess.TASK_REVIEW_PROPOSAL);
                }
            }
        }
        for (long proposalId : ids("select distinct proposal_id from unit_assignments"
                + " where status in ('AWAITING_ACCEPTANCE', 'HANDLING', 'REPLIED')")) {
            for (UnitAssignment a : assignments.ofProposal(proposalId)) {
                if (a.getProcessInstanceId() == null) {
                    continue;
                }
                if (a.getStatus() == UnitStatus.AWAITING_ACCEPTANCE && a.getAcceptanceOpenedOn() != null) {
                    LocalDate due = calendar.addWorkingDays(a.getAcceptanceOpenedOn(), settings.acceptance().windowWorkingDays());
                    if (!due.equals(a.getAcceptanceDue())) {
                        a.moveAcceptanceDue(due);
                        move(a.getProcessInstanceId(), ProposalVariables.ACCEPTANCE_DUE, due,
                                UnitHandlingProcess.BOUNDARY_ACCEPTANCE_WINDOW_CLOSED, UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT);
                    }
                } else if (a.getStatus() == UnitStatus.REPLIED) {
                    Reply reply = a.latestSentReply().filter(r -> r.getStatus() == ReplyStatus.SENT).orElse(null);
                    if (reply != null && reply.getRating() == null) {
                        LocalDate due = calendar.addWorkingDays(day(reply.getSentAt()), settings.feedback().windowWorkingDays());
                        if (!due.equals(reply.getFeedbackDue())) {
                            reply.moveFeedbackDue(due);
                            move(a.getProcessInstanceId(), ProposalVariables.FEEDBACK_DUE, due,
                                    UnitHandlingProcess.BOUNDARY_FEEDBACK_WINDOW_CLOSED, UnitHandlingProcess.TASK_RATE_REPLY);
                        }
                    }
                } else if (a.getStatus() == UnitStatus.HANDLING && a.getAcceptedAt() != null) {
                    LocalDate meeting = calendar.addWorkingDays(day(a.getAcceptedAt()), settings.meeting().withinWorkingDays());
                    timers(a.getProcessInstanceId(), UnitHandlingProcess.CATCH_MEETING_DUE, clock.endOf(meeting));
                }
            }
        }
    }

    /** The variable, the timer acting on it and the task's due date, all to the new end of day. */
    private void move(String processInstanceId, String variable, LocalDate due, String timer, String taskKey) {
        Date end = clock.endOf(due);
        runtimeService.setVariable(processInstanceId, variable, end);
        timers(processInstanceId, timer, end);
        taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list()
                .forEach(task -> {
                    task.setDueDate(end);
                    taskService.saveTask(task);
                });
    }

    private void timers(String processInstanceId, String activityId, Date due) {
        managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()
                .forEach(job -> managementService.setJobDuedate(job.getId(), due));
    }

    private String proposalInstance(long proposalId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(proposalId))
                .processDefinitionKey(ProposalHandlingProcess.KEY).singleResult();
        return instance == null ? null : instance.getId();
    }

    private List<Long> ids(String sql) {
        return jdbc.sql(sql).query(Long.class).list();
    }

    private LocalDate day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, clock.zone());
    }
}
