package cn.cppcc.proposals.followup;

import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.unithandling.Reply;
import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.workflow.TaskText;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Task_FollowUp. Rule 11: the office checks what became of a B-class reply's commitment and records it. */
@Component
class FollowUpStep implements Step {

    private final UnitAssignmentService assignments;
    private final FollowUpSchedule schedule;
    private final NotificationService notifications;
    private final JdbcClient jdbc;
    private final ProposalClock clock;

    FollowUpStep(UnitAssignmentService assignments, FollowUpSchedule schedule, NotificationService notifications,
            JdbcClient jdbc, ProposalClock clock) {
        this.assignments = assignments;
        this.schedule = schedule;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_FOLLOW_UP;
    }

    @Override
    public Set<String> fields() {
        return Set.of("result");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE;
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return StepLabel.of(AuditAction.FOLLOWED_UP);
    }

    /** The form shows the reply and its commitment; the office is told the follow-up is due. */
    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment assignment = assignment(subject);
        Reply reply = schedule.committedReply(assignment)
                .orElseThrow(() -> new ConflictException("该承办单位没有须回头看的答复"));
        Map<String, String> values = assignments.describe(assignment);
        task.setVariableLocal("unitName", values.get("unitName"));
        task.setVariableLocal("replyText", TaskText.fit(reply.getText()));
        task.setVariableLocal("replyCommittedDate", reply.getCommittedDate().toString());
        values.put("deadline", reply.getCommittedDate().toString());
        notifications.notify(NotificationEvent.FOLLOW_UP_DUE, Recipients.groups(Actor.OFFICE),
                assignment.getProposalId(), assignment.getUnitCode(), values);
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        String result = input.requiredText("result", 4000);
        input.validate();
        UnitAssignment assignment = assignment(subject);
        Reply reply = schedule.committedReply(assignment)
                .orElseThrow(() -> new ConflictException("该承办单位没有须回头看的答复"));
        jdbc.sql("insert into follow_ups (assignment_id, due, result, recorded_by, recorded_at) values (?, ?, ?, ?, ?)")
                .params(assignment.getId(), reply.getCommittedDate(), result, actor.userId(),
                        OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC))
                .update();
    }

    /** The unit whose B-class reply is followed up (the multi-instance's element, see StepSubjects). */
    private UnitAssignment assignment(StepSubject subject) {
        if (subject.unitCode() == null) {
            throw new ConflictException("该回头看没有对应的承办单位");
        }
        return assignments.current(subject.proposalId(), subject.unitCode());
    }
}
