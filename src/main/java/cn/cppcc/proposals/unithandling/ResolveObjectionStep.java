package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.CodeLabels;
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

/**
 * Task_ResolveObjection. Rule 5: the office reassigns to another unit (which gets its own
 * acceptance step) or upholds the assignment.
 */
@Component
class ResolveObjectionStep implements Step {

    private final UnitAssignmentService assignments;
    private final Catalog catalog;

    ResolveObjectionStep(UnitAssignmentService assignments, Catalog catalog) {
        this.assignments = assignments;
        this.catalog = catalog;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_RESOLVE_OBJECTION;
    }

    @Override
    public Set<String> fields() {
        return Set.of("decision", "newUnit", "comment");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE;
    }

    @Override
    public String page() {
        return "objection";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.OBJECTION_RESOLVED, "处理异议：" + CodeLabels.label(given.get("decision")));
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment a = assignment(subject);
        task.setVariableLocal("unitName", catalog.unitName(a.getUnitCode()));
        task.setVariableLocal("objectionReason", a.getObjectionReason());
        task.setVariableLocal("unitNames", catalog.units().stream().filter(cn.cppcc.proposals.catalog.Unit::isActive)
                .filter(u -> !u.getCode().equals(a.getUnitCode())).map(cn.cppcc.proposals.catalog.Unit::getName)
                .collect(java.util.stream.Collectors.joining("、")));

        task.setVariableLocal("objectionSuggestedUnit", a.getObjectionSuggestedUnit() == null ? "（未建议）"
                : catalog.unitName(a.getObjectionSuggestedUnit()));
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        UnitAssignment assignment = assignment(subject);
        ObjectionDecision decision = input.requiredEnum("decision", ObjectionDecision.class);
        String comment = input.text("comment", 2000);
        String newUnit = null;
        if (decision == ObjectionDecision.REASSIGN) {
            newUnit = input.requiredText("newUnit", 50);
            newUnit = newUnit == null ? null : catalog.unitCode(newUnit).orElse(newUnit);   // a code, or a name
            if (newUnit != null) {
                String candidate = newUnit;
                input.check(catalog.isActiveUnit(candidate), "newUnit", "没有该承办单位");
                input.check(assignments.ofProposal(assignment.getProposalId()).stream()
                        .noneMatch(a -> a.getUnitCode().equals(candidate) && a.getStatus() != UnitStatus.REASSIGNED),
                        "newUnit", "该单位已承办本提案");
            }
        }
        input.validate();
        if (decision == ObjectionDecision.REASSIGN) {
            assignments.reassign(assignment, newUnit, comment, actor.userId());
            task.getExecution().setVariable(ProposalVariables.UNIT_CODE, newUnit);
        } else {
            assignments.uphold(assignment, comment);
        }
        task.getExecution().setVariable(ProposalVariables.OBJECTION_DECISION, decision.name());
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
