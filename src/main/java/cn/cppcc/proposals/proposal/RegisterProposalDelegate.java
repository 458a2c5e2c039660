package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.NotificationEvent;
import static cn.cppcc.proposals.workflow.ProposalVariables.CO_PROPOSERS_DUE;
import static cn.cppcc.proposals.workflow.ProposalVariables.JOINT_PROPOSAL;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;

import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.SubmittedForms;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterProposal. Every proposal is recorded here, from the fields of its start form,
 * whether submitted in Tasklist, through the engine's REST API or through the project's API
 * (SubmissionService submits the same form); the new proposal's id becomes the business key. A
 * process started any other way (without the form, with a borrowed business key or variables)
 * registers nothing and fails with the form's errors: it never takes up an existing proposal.
 * Then Rule 1: a joint proposal waits for its co-proposers.
 */
@Component
class RegisterProposalDelegate implements JavaDelegate {

    private final SubmissionService submissions;
    private final ProposalService proposals;
    private final CurrentActor currentActor;
    private final ProposalClock clock;
    private final NotificationService notifications;
    private final SubmittedForms forms;

    RegisterProposalDelegate(SubmissionService submissions, ProposalService proposals, CurrentActor currentActor,
            ProposalClock clock, NotificationService notifications, SubmittedForms forms) {
        this.forms = forms;
        this.notifications = notifications;
        this.submissions = submissions;
        this.proposals = proposals;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> form = forms.takeStartForm(execution.getProcessInstanceId()).orElse(Map.of());
        Proposal proposal = submissions.register(form, currentActor.get());
        execution.setProcessBusinessKey(String.valueOf(proposal.getId()));
        execution.setVariable(PROPOSAL_ID, proposal.getId());
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
