package cn.cppcc.proposals.review;

import cn.cppcc.proposals.workflow.StepSubjects;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.workflow.ProposalVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindReviewOverdue. Rule 2: the review deadline has passed; the office is told. */
@Component
class RemindReviewOverdueDelegate implements JavaDelegate {

    private final ProposalService proposals;
    private final NotificationService notifications;

    RemindReviewOverdueDelegate(ProposalService proposals, NotificationService notifications) {
        this.proposals = proposals;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Proposal proposal = proposals.require(StepSubjects.proposalIdOf(execution));
        Map<String, String> values = new HashMap<>(proposals.describe(proposal));
        values.put("deadline", String.valueOf(proposal.getReviewDue()));
        notifications.notify(NotificationEvent.REVIEW_OVERDUE, Recipients.groups(Actor.OFFICE), proposal.getId(), null, values);
    }
}
