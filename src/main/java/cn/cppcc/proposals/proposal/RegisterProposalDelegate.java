package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.NotificationEvent;
import static cn.cppcc.proposals.workflow.ProposalVariables.CO_PROPOSERS_DUE;
import static cn.cppcc.proposals.workflow.ProposalVariables.JOINT_PROPOSAL;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSER;

import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.ProposalVariables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterProposal. A proposal submitted through the API is already recorded; one started
 * from the start form in Tasklist is recorded here, through the same checks. Then Rule 1: a joint
 * proposal waits for its co-proposers.
 */
@Component
class RegisterProposalDelegate implements JavaDelegate {

    private final SubmissionService submissions;
    private final ProposalService proposals;
    private final CurrentActor currentActor;
    private final ProposalClock clock;
    private final NotificationService notifications;

    RegisterProposalDelegate(SubmissionService submissions, ProposalService proposals, CurrentActor currentActor,
            ProposalClock clock, NotificationService notifications) {
        this.notifications = notifications;
        this.submissions = submissions;
        this.proposals = proposals;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long proposalId = (Long) execution.getVariable(PROPOSAL_ID);
        Proposal proposal;
        if (proposalId == null) {
            Map<String, Object> form = new HashMap<>();
            SubmissionService.FIELDS.forEach(field -> form.put(field, execution.getVariable(field)));
            proposal = submissions.register(form, currentActor.get());
            execution.setProcessBusinessKey(String.valueOf(proposal.getId()));
            execution.removeVariables(SubmissionService.FIELDS);
            execution.setVariable(PROPOSAL_ID, proposal.getId());
            execution.setVariable(PROPOSER, proposal.getProposer());
        } else {
            proposal = proposals.require(proposalId);
        }
        execution.setVariable(JOINT_PROPOSAL, proposal.isJoint());
        execution.setVariable(ProposalVariables.PUBLIC_CONSENT, proposal.isPublicConsent());
        if (proposal.isJoint()) {
            LocalDate due = proposals.openCoProposerWindow(proposal);
            execution.setVariable(CO_PROPOSERS_DUE, clock.endOf(due));
            Map<String, String> values = new HashMap<>(proposals.describe(proposal));
            values.put("deadline", due.toString());
            notifications.notify(NotificationEvent.CO_PROPOSER_CONFIRMATION_REQUESTED,
                    Recipients.users(proposal.pendingCoProposers()), proposal.getId(), null, values);
        }
    }
}
