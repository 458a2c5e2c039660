package cn.cppcc.proposals.supervision;

import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.workflow.ProposalVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateOverdue. Rule 8: the reply is overdue; the unit's leaders and the office are told. */
@Component
class EscalateOverdueDelegate implements JavaDelegate {

    private final UnitAssignmentService assignments;
    private final SupervisionService supervision;
    private final NotificationService notifications;

    EscalateOverdueDelegate(UnitAssignmentService assignments, SupervisionService supervision,
            NotificationService notifications) {
        this.assignments = assignments;
        this.supervision = supervision;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UnitAssignment assignment = assignments.ofInstance(execution.getProcessInstanceId());
        Recipients recipients = Recipients.groups(Actor.unitLeadersGroup(assignment.getUnitCode()), Actor.OFFICE)
                .and(Recipients.users(supervision.supervisorsOf(assignment.getProposalId())));
        notifications.notify(NotificationEvent.REPLY_OVERDUE, recipients, assignment.getProposalId(),
                assignment.getUnitCode(), assignments.describe(assignment));
    }
}
