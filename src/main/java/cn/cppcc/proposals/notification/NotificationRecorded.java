package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import cn.cppcc.proposals.shared.CodeLabels;

/**
 * A notification was recorded for one person (and queued as a mail when they have an address).
 *
 * @param userName the recipient's name
 */
public record NotificationRecorded(long notificationId, NotificationEvent event, String subject, Long proposalId,
                                   String unitCode, String userId, String userName, String email, NotificationState state)
        implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(AuditAction.NOTIFICATION_RECORDED, proposalId, unitCode, "User:" + userId,
                "通知：" + notificationId + "；事件：" + CodeLabels.of("event", event) + "；收件人：" + userName
                        + (email == null ? "（无邮箱）" : "；邮箱：" + email) + "；状态：" + CodeLabels.of("notificationState", state))
                .named("生成通知：" + subject);
    }
}
