package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.workflow.TaskText;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_RateReply. Rule 9: the lead proposer rates the reply SATISFIED, BASICALLY_SATISFIED or
 * DISSATISFIED and says whether they met face to face; DISSATISFIED sends it back while rounds are left.
 */
@Component
class RateReplyStep implements Step {

    private final UnitAssignmentService assignments;
    private final Catalog catalog;
    private final Directory directory;
    private final ProposalSettings settings;
    private final NotificationService notifications;

    RateReplyStep(UnitAssignmentService assignments, Catalog catalog, Directory directory, ProposalSettings settings,
            NotificationService notifications) {
        this.notifications = notifications;
        this.assignments = assignments;
        this.catalog = catalog;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_RATE_REPLY;
    }

    @Override
    public Set<String> fields() {
        return Set.of("rating", "faceToFace", "comment");
    }

    @Override
    public Taker taker() {
        return Taker.LEAD_PROPOSER;
    }

    @Override
    public String page() {
        return "feedback";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.REPLY_RATED, "评价：" + CodeLabels.label(given.get("rating")));
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment a = assignment(subject);
        Reply reply = a.latestSentReply().orElseThrow();
        task.setVariableLocal("unitName", catalog.unitName(a.getUnitCode()));
        task.setVariableLocal("replyClassification", reply.getClassification() + " "
                + settings.reply().replyClass(reply.getClassification()).map(ProposalSettings.ReplyClass::label).orElse(""));
        task.setVariableLocal("replyText", TaskText.fit(reply.getText()));
        task.setVariableLocal("replyCommittedDate", reply.getCommittedDate() == null ? "" : reply.getCommittedDate().toString());
        task.setVariableLocal("replyReason", reply.getReason() == null ? "" : reply.getReason());
        task.setVariableLocal("replySignedBy", directory.displayName(reply.getSignedBy()));
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        Rating rating = input.requiredEnum("rating", Rating.class);
        input.check(rating != Rating.NO_RESPONSE, "rating", "请选择满意、基本满意或不满意");
        Boolean faceToFace = input.requiredBoolean("faceToFace");
        String comment = input.text("comment", 2000);
        if (rating == Rating.DISSATISFIED) {
            input.check(comment != null, "comment", "不满意的，请说明理由");
        }
        input.validate();
        UnitAssignment assignment = assignment(subject);
        boolean reHandle = assignments.rate(assignment, rating, faceToFace, comment, actor.userId());
        task.getExecution().setVariable(ProposalVariables.RE_HANDLE, reHandle);
        if (reHandle) {
            java.util.Map<String, String> values = assignments.describe(assignment);
            values.put("comment", comment);
            notifications.notify(NotificationEvent.RE_HANDLING_REQUESTED, Recipients.groups(Actor.OFFICE),
                    assignment.getProposalId(), assignment.getUnitCode(), values);
        }
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
