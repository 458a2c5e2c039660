package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.ProposalVariables;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reminders of the unit-handling process (Rules 6, 7 and 8), one delegate each. */
final class Reminders {

    private Reminders() {
    }

    static UnitAssignment assignment(UnitAssignmentService assignments, DelegateExecution execution) {
        return assignments.ofInstance(execution.getProcessInstanceId());
    }

    /** Task_RemindReplyDue. Rule 8: the unit is reminded of its reply deadline. */
    @Component("remindReplyDueDelegate")
    static class ReplyDue implements JavaDelegate {
        private final UnitAssignmentService assignments;
        private final NotificationService notifications;
        private final ProposalClock clock;

        ReplyDue(UnitAssignmentService assignments, NotificationService notifications, ProposalClock clock) {
            this.assignments = assignments;
            this.notifications = notifications;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            UnitAssignment a = assignment(assignments, execution);
            Map<String, String> values = assignments.describe(a);
            values.put("daysLeft", String.valueOf(ChronoUnit.DAYS.between(clock.today(), a.getDeadline())));
            notifications.notify(NotificationEvent.REPLY_DUE_REMINDER, Recipients.groups(Actor.unitGroup(a.getUnitCode())),
                    a.getProposalId(), a.getUnitCode(), values);
        }
    }

    /** Task_RemindMeeting. Rule 7: not yet met the proposer face to face; a reminder, not a block. */
    @Component("remindMeetingDelegate")
    static class Meeting implements JavaDelegate {
        private final UnitAssignmentService assignments;
        private final NotificationService notifications;
        private final ProposalSettings settings;

        Meeting(UnitAssignmentService assignments, NotificationService notifications, ProposalSettings settings) {
            this.assignments = assignments;
            this.notifications = notifications;
            this.settings = settings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            UnitAssignment a = assignment(assignments, execution);
            boolean met = a.getConsultations().stream().anyMatch(c -> c.getMethod() == ConsultationMethod.FACE_TO_FACE);
            if (!met) {
                Map<String, String> values = assignments.describe(a);
                values.put("days", String.valueOf(settings.meeting().withinWorkingDays()));
                notifications.notify(NotificationEvent.MEETING_REMINDER, Recipients.groups(Actor.unitGroup(a.getUnitCode())),
                        a.getProposalId(), a.getUnitCode(), values);
            }
        }
    }

    /** Task_RemindOpinion. Rule 6: the co-unit's opinion is overdue; it and the lead unit are told. */
    @Component("remindOpinionDelegate")
    static class Opinion implements JavaDelegate {
        private final UnitAssignmentService assignments;
        private final NotificationService notifications;

        Opinion(UnitAssignmentService assignments, NotificationService notifications) {
            this.assignments = assignments;
            this.notifications = notifications;
        }

        @Override
        public void execute(DelegateExecution execution) {
            UnitAssignment a = assignment(assignments, execution);
            Recipients recipients = Recipients.groups(Actor.unitGroup(a.getUnitCode()));
            for (UnitAssignment lead : assignments.ofProposal(a.getProposalId())) {
                if (lead.getRole() == UnitRole.LEAD && lead.getStatus() != UnitStatus.REASSIGNED) {
                    recipients = recipients.and(Recipients.groups(Actor.unitGroup(lead.getUnitCode())));
                }
            }
            notifications.notify(NotificationEvent.OPINION_DUE_REMINDER, recipients, a.getProposalId(), a.getUnitCode(),
                    assignments.describe(a));
        }
    }
}
