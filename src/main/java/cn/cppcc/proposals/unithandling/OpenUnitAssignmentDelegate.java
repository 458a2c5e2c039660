package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.workflow.StepSubjects;
import static cn.cppcc.proposals.workflow.ProposalVariables.ACCEPTANCE_DUE;
import static cn.cppcc.proposals.workflow.ProposalVariables.OPINION_DUE;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.REPLY_DUE;
import static cn.cppcc.proposals.workflow.ProposalVariables.UNIT_CODE;
import static cn.cppcc.proposals.workflow.ProposalVariables.UNIT_ROLE;

import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ProposalClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenAssignment: the unit's part starts (again, after a reassignment): its deadlines. */
@Component
class OpenUnitAssignmentDelegate implements JavaDelegate {

    private final UnitAssignmentService assignments;
    private final ProposalClock clock;
    private final NotificationService notifications;

    OpenUnitAssignmentDelegate(UnitAssignmentService assignments, ProposalClock clock,
            NotificationService notifications) {
        this.notifications = notifications;
        this.assignments = assignments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UnitAssignment assignment = assignments.open(StepSubjects.proposalIdOf(execution),
                (String) execution.getVariable(UNIT_CODE), execution.getProcessInstanceId());
        execution.setVariable(UNIT_ROLE, assignment.getRole().name());
        execution.setVariable(ACCEPTANCE_DUE, clock.endOf(assignment.getAcceptanceDue()));
        if (assignment.isReplying()) {
            execution.setVariable(REPLY_DUE, clock.endOf(assignment.getDeadline()));
        } else {
            execution.setVariable(OPINION_DUE, clock.endOf(assignments.opinionDue(assignment)));
        }
        notifications.notify(NotificationEvent.ASSIGNED_TO_UNIT,
                Recipients.groups(Actor.unitGroup(assignment.getUnitCode())), assignment.getProposalId(),
                assignment.getUnitCode(), assignments.describe(assignment));
    }
}
