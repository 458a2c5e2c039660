package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
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

/** Task_AcceptAssignment. Rule 5: the unit accepts 签收, or objects with a reason and a suggested unit. */
@Component
class AcceptAssignmentStep implements Step {

    private final UnitAssignmentService assignments;
    private final Catalog catalog;
    private final NotificationService notifications;

    AcceptAssignmentStep(UnitAssignmentService assignments, Catalog catalog, NotificationService notifications) {
        this.notifications = notifications;
        this.assignments = assignments;
        this.catalog = catalog;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT;
    }

    @Override
    public Set<String> fields() {
        return Set.of("accept", "reason", "suggestedUnit");
    }

    @Override
    public Taker taker() {
        return Taker.UNIT_HANDLER;
    }

    @Override
    public String page() {
        return "acceptance";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return StepLabel.of(CodeLabels.yes(given.get("accept")) ? AuditAction.ASSIGNMENT_ACCEPTED : AuditAction.ASSIGNMENT_OBJECTED);
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment a = assignment(subject);
        task.setVariableLocal("unitName", catalog.unitName(a.getUnitCode()));
        task.setVariableLocal("unitRoleText", UnitTexts.role(a.getRole()));
        task.setVariableLocal("replyDeadline", a.getDeadline().toString());
        task.setVariableLocal("unitNames", catalog.units().stream().filter(cn.cppcc.proposals.catalog.Unit::isActive)
                .filter(u -> !u.getCode().equals(a.getUnitCode())).map(cn.cppcc.proposals.catalog.Unit::getName)
                .collect(java.util.stream.Collectors.joining("、")));
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        UnitAssignment assignment = assignment(subject);
        Boolean accept = input.requiredBoolean("accept");
        if (Boolean.FALSE.equals(accept)) {
            input.requiredText("reason", 2000);
            String suggested = suggestedUnit(input);
            if (suggested != null) {
                input.check(catalog.isActiveUnit(suggested) && !suggested.equals(assignment.getUnitCode()),
                        "suggestedUnit", "建议的承办单位无效");
            }
        }
        input.validate();
        if (accept) {
            assignments.accept(assignment, actor.userId());
        } else {
            String reason = input.text("reason", 2000);
            assignments.object(assignment, reason, suggestedUnit(input), actor.userId());
            java.util.Map<String, String> values = assignments.describe(assignment);
            values.put("comment", reason);
            notifications.notify(NotificationEvent.OBJECTION_RAISED, Recipients.groups(Actor.OFFICE),
                    assignment.getProposalId(), assignment.getUnitCode(), values);
        }
        task.getExecution().setVariable(ProposalVariables.ACCEPTED, accept);
    }

    /** The unit the objection suggests, by code or by name (Tasklist's form asks for the name). */
    private String suggestedUnit(Input input) {
        String given = input.text("suggestedUnit", 50);
        return given == null ? null : catalog.unitCode(given).orElse(given);
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
