package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/** An admin changed the mail template of an event. */
public record MailTemplateChanged(NotificationEvent event, String subject, String body) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(AuditAction.MAIL_TEMPLATE_CHANGED, null, null, "MailTemplate:" + event.name(),
                "标题：" + subject + "；正文：" + body);
    }
}
