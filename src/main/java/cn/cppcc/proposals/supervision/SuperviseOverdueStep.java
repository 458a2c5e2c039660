package cn.cppcc.proposals.supervision;

import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SuperviseOverdue. Rule 8: the office (or a key proposal's supervisor) supervises an overdue reply. */
@Component
class SuperviseOverdueStep implements Step {

    private final SupervisionService supervision;
    private final UnitAssignmentService assignments;

    SuperviseOverdueStep(SupervisionService supervision, UnitAssignmentService assignments) {
        this.supervision = supervision;
        this.assignments = assignments;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_SUPERVISE_OVERDUE;
    }

    @Override
    public Set<String> fields() {
        return Set.of("note");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE_OR_KEY_SUPERVISOR;
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.SUPERVISED, "逾期督办");
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment assignment = assignment(subject);
        Map<String, String> values = assignments.describe(assignment);
        task.setVariableLocal("unitName", values.get("unitName"));
        task.setVariableLocal("supervisionReason", "答复期限" + values.get("deadline") + "已过，尚未答复");
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        String note = input.requiredText("note", 4000);
        input.validate();
        UnitAssignment assignment = assignment(subject);
        supervision.record(assignment.getProposalId(), assignment.getUnitCode(), SupervisionService.Kind.OVERDUE, note,
                actor.userId());
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
