package cn.cppcc.proposals.notification;

/** The events a person is told of; each has its own mail template (table mail_templates). */
public enum NotificationEvent {
    CO_PROPOSER_CONFIRMATION_REQUESTED, PROPOSAL_FILED, RETURNED_FOR_REVISION, NOT_FILED, CONVERTED, MERGED,
    ASSIGNED_TO_UNIT, OBJECTION_RAISED, SIGN_OFF_REQUESTED, REPLY_SENT, RATING_REQUESTED, RE_HANDLING_REQUESTED,
    HANDLE_AGAIN, REPLY_DUE_REMINDER, REPLY_OVERDUE, REVIEW_OVERDUE, OPINION_DUE_REMINDER, MEETING_REMINDER,
    WITHDRAWAL_REQUESTED, WITHDRAWAL_DECIDED, FOLLOW_UP_DUE, SUPERVISION_REQUESTED,
    /** The scheduled verification found the audit trail's hash chain broken (audit/AuditVerification). */
    AUDIT_CHAIN_BROKEN
}
