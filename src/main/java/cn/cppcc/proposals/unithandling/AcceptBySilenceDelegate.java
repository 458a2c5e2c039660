package cn.cppcc.proposals.unithandling;

import static cn.cppcc.proposals.workflow.ProposalVariables.ACCEPTED;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.UNIT_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AcceptBySilence. Rule 5: the window closed without an answer; silence counts as acceptance. */
@Component
class AcceptBySilenceDelegate implements JavaDelegate {

    private final UnitAssignmentService assignments;

    AcceptBySilenceDelegate(UnitAssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var assignment = assignments.ofInstance(execution.getProcessInstanceId());
        assignments.acceptBySilence(assignment.getProposalId(), assignment.getUnitCode());
        execution.setVariable(ACCEPTED, true);
    }
}
