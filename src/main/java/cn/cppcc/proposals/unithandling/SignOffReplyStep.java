package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
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

/** Task_SignOffReply. Rule 7: the unit leader signs the reply off 签发, or returns it with a comment. */
@Component
class SignOffReplyStep implements Step {

    private final UnitAssignmentService assignments;
    private final Catalog catalog;
    private final ProposalSettings settings;

    SignOffReplyStep(UnitAssignmentService assignments, Catalog catalog, ProposalSettings settings) {
        this.assignments = assignments;
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_SIGN_OFF_REPLY;
    }

    @Override
    public Set<String> fields() {
        return Set.of("approve", "comment");
    }

    @Override
    public Taker taker() {
        return Taker.UNIT_LEADER;
    }

    @Override
    public String page() {
        return "sign-off";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return StepLabel.of(CodeLabels.yes(given.get("approve")) ? AuditAction.REPLY_SIGNED_OFF : AuditAction.REPLY_RETURNED);
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment a = assignment(subject);
        Reply draft = a.latestReply().orElseThrow();
        task.setVariableLocal("unitName", catalog.unitName(a.getUnitCode()));
        task.setVariableLocal("replyClassification", draft.getClassification() + " "
                + settings.reply().replyClass(draft.getClassification()).map(ProposalSettings.ReplyClass::label).orElse(""));
        task.setVariableLocal("replyText", TaskText.fit(draft.getText()));
        task.setVariableLocal("replyCommittedDate", draft.getCommittedDate() == null ? "" : draft.getCommittedDate().toString());
        task.setVariableLocal("replyReason", draft.getReason() == null ? "" : draft.getReason());
        task.setVariableLocal("consultationsText", TaskText.fit(UnitTexts.consultations(a)));
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        Boolean approve = input.requiredBoolean("approve");
        String comment = input.text("comment", 2000);
        if (Boolean.FALSE.equals(approve)) {
            input.check(comment != null, "comment", "退回答复须说明修改意见");
        }
        input.validate();
        assignments.signOff(assignment(subject), approve, comment, actor.userId());
        task.getExecution().setVariable(ProposalVariables.SIGNED_OFF, approve);
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
