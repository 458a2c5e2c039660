package cn.cppcc.proposals.unithandling;

import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.UNIT_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordNoResponse. Rule 9: no rating within the window is NO_RESPONSE, never satisfied. */
@Component
class RecordNoResponseDelegate implements JavaDelegate {

    private final UnitAssignmentService assignments;

    RecordNoResponseDelegate(UnitAssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var assignment = assignments.ofInstance(execution.getProcessInstanceId());
        assignments.recordNoResponse(assignment.getProposalId(), assignment.getUnitCode());
    }
}
