package cn.cppcc.proposals.unithandling;

import static cn.cppcc.proposals.workflow.ProposalVariables.FEEDBACK_DUE;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.UNIT_CODE;

import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import java.util.Map;
import cn.cppcc.proposals.shared.ProposalClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendReply: the signed-off reply goes to the proposer; Rule 9's feedback window starts. */
@Component
class SendReplyDelegate implements JavaDelegate {

    private final UnitAssignmentService assignments;
    private final ProposalClock clock;
    private final ProposalService proposals;
    private final NotificationService notifications;

    SendReplyDelegate(UnitAssignmentService assignments, ProposalClock clock, ProposalService proposals,
            NotificationService notifications) {
        this.proposals = proposals;
        this.notifications = notifications;
        this.assignments = assignments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UnitAssignment handled = assignments.ofInstance(execution.getProcessInstanceId());
        long proposalId = handled.getProposalId();
        String unitCode = handled.getUnitCode();
        var feedbackDue = assignments.sendReply(proposalId, unitCode);
        execution.setVariable(FEEDBACK_DUE, clock.endOf(feedbackDue));

        UnitAssignment assignment = assignments.current(proposalId, unitCode);
        Reply reply = assignment.latestSentReply().orElseThrow();
        Proposal proposal = proposals.require(proposalId);
        Map<String, String> values = assignments.describe(assignment);
        values.put("replyClass", reply.getClassification());
        values.put("replyText", reply.getText());
        notifications.notify(NotificationEvent.REPLY_SENT, Recipients.users(proposal.getProposer())
                .and(Recipients.users(proposal.confirmedCoProposers())), proposalId, unitCode, values);
        values.put("deadline", feedbackDue.toString());
        notifications.notify(NotificationEvent.RATING_REQUESTED, Recipients.users(proposal.getProposer()),
                proposalId, unitCode, values);
    }
}
