package cn.cppcc.proposals.unithandling;

import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SendOpinion. Rule 6: a co-unit 会办单位 sends its opinion to the lead unit. */
@Component
class SendOpinionStep implements Step {

    private final UnitAssignmentService assignments;
    private final Catalog catalog;

    SendOpinionStep(UnitAssignmentService assignments, Catalog catalog) {
        this.assignments = assignments;
        this.catalog = catalog;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_SEND_OPINION;
    }

    @Override
    public Set<String> fields() {
        return Set.of("text");
    }

    @Override
    public Taker taker() {
        return Taker.UNIT_HANDLER;
    }

    @Override
    public String page() {
        return "handling";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return StepLabel.of(AuditAction.OPINION_SENT);
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment a = assignment(subject);
        task.setVariableLocal("unitName", catalog.unitName(a.getUnitCode()));
        task.setVariableLocal("leadUnitName", assignments.ofProposal(a.getProposalId()).stream()
                .filter(o -> o.getRole() == UnitRole.LEAD && o.getStatus() != UnitStatus.REASSIGNED)
                .map(o -> catalog.unitName(o.getUnitCode())).findFirst().orElse(""));
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        String text = input.requiredText("text", 10000);
        input.validate();
        assignments.sendOpinion(assignment(subject), text, actor.userId());
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
