package cn.cppcc.proposals.unithandling;

import java.util.List;
import org.springframework.stereotype.Component;

/** The collection of the unit-handling call activity (multi-instance): the units just assigned. */
@Component("assignmentRoster")
public class AssignmentRoster {

    private final UnitAssignmentService assignments;

    AssignmentRoster(UnitAssignmentService assignments) {
        this.assignments = assignments;
    }

    public List<String> unitsToOpen(Long proposalId) {
        return assignments.ofProposal(proposalId).stream()
                .filter(a -> a.getStatus() == UnitStatus.AWAITING_ACCEPTANCE && a.getProcessInstanceId() == null)
                .map(UnitAssignment::getUnitCode)
                .toList();
    }
}
