package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/**
 * A notification's mail went out, or its attempt failed.
 *
 * @param error why it failed, or {@code null} when it was sent
 */
public record MailDelivered(long notificationId, Long proposalId, String unitCode, String recipient, String description,
                            String error) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return error == null
                ? AuditNote.of(AuditAction.MAIL_SENT, proposalId, unitCode, "User:" + recipient, description)
                : AuditNote.of(AuditAction.MAIL_FAILED, proposalId, unitCode, "User:" + recipient, description + "；错误：" + error);
    }
}
