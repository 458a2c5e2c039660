package cn.cppcc.proposals.unithandling;

import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_CoordinateReHandling. Rule 9: after DISSATISFIED the office coordinates with a note; the
 * unit handles it again by a shorter deadline (default 1 month).
 */
@Component
class CoordinateReHandlingStep implements Step {

    private final UnitAssignmentService assignments;
    private final Catalog catalog;
    private final ProposalClock clock;
    private final NotificationService notifications;

    CoordinateReHandlingStep(UnitAssignmentService assignments, Catalog catalog, ProposalClock clock,
            NotificationService notifications) {
        this.notifications = notifications;
        this.assignments = assignments;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING;
    }

    @Override
    public Set<String> fields() {
        return Set.of("note", "deadline");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE;
    }

    @Override
    public String page() {
        return "coordination";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return StepLabel.of(AuditAction.RE_HANDLING_COORDINATED);
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment a = assignment(subject);
        Reply reply = a.latestSentReply().orElseThrow();
        task.setVariableLocal("unitName", catalog.unitName(a.getUnitCode()));
        task.setVariableLocal("ratingComment", reply.getRatingComment() == null ? "" : reply.getRatingComment());
        task.setVariableLocal("defaultDeadline", assignments.defaultReHandlingDeadline().toString());
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        String note = input.requiredText("note", 2000);
        LocalDate deadline = input.date("deadline", clock.zone());
        if (deadline != null) {
            input.check(deadline.isAfter(clock.today()), "deadline", "办理期限须晚于今天");
            input.check(!deadline.isAfter(assignments.maxReplyDeadline()), "deadline",
                    "办理期限不能晚于" + assignments.maxReplyDeadline());
        }
        input.validate();
        LocalDate due = deadline != null ? deadline : assignments.defaultReHandlingDeadline();
        UnitAssignment assignment = assignment(subject);
        assignments.coordinate(assignment, note, due, actor.userId());
        task.getExecution().setVariable(ProposalVariables.REPLY_DUE, clock.endOf(due));
        java.util.Map<String, String> values = assignments.describe(assignment);
        values.put("comment", note);
        notifications.notify(NotificationEvent.HANDLE_AGAIN, Recipients.groups(Actor.unitGroup(assignment.getUnitCode())),
                assignment.getProposalId(), assignment.getUnitCode(), values);
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
