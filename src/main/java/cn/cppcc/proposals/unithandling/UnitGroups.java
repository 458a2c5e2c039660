package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.Actor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of a unit's tasks in {@code bpmn/unit-handling.bpmn}, from the unit
 * assignment that owns the instance: {@code ${unitGroups.handlers(execution)}} and
 * {@code ${unitGroups.leaders(execution)}}; never from a process variable.
 */
@Component("unitGroups")
public class UnitGroups {

    private final UnitAssignmentService assignments;

    UnitGroups(UnitAssignmentService assignments) {
        this.assignments = assignments;
    }

    /** {@code unit-<code>}: the unit's handlers. */
    public String handlers(DelegateExecution execution) {
        return Actor.unitGroup(assignments.ofInstance(execution.getProcessInstanceId()).getUnitCode());
    }

    /** {@code unit-<code>-leaders}: the unit's leaders, who sign replies off. */
    public String leaders(DelegateExecution execution) {
        return Actor.unitLeadersGroup(assignments.ofInstance(execution.getProcessInstanceId()).getUnitCode());
    }
}
