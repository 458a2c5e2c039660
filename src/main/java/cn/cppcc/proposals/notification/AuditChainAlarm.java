package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.audit.AuditChainBroken;
import cn.cppcc.proposals.shared.Actor;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The office and auditors are told when the nightly verification finds the audit chain broken. */
@Component
class AuditChainAlarm {

    private final NotificationService notifications;

    AuditChainAlarm(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(AuditChainBroken broken) {
        notifications.notify(NotificationEvent.AUDIT_CHAIN_BROKEN, Recipients.groups(Actor.OFFICE, Actor.AUDITORS),
                null, null, Map.of("brokenSeq", String.valueOf(broken.firstBrokenSeq()),
                        "checked", String.valueOf(broken.checked())));
    }
}
