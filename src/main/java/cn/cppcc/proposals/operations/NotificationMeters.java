package cn.cppcc.proposals.operations;

import cn.cppcc.proposals.notification.NotificationLog;
import cn.cppcc.proposals.notification.NotificationState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code proposals.mails{state}}: the mails waiting for their delivery job ({@code PENDING}) and
 * those whose last attempt failed ({@code FAILED}: retried, then an incident), counted in the
 * notifications table at each scrape. The cluster's numbers, the same on every node.
 */
@Component
class NotificationMeters implements MeterBinder {

    private final NotificationLog notifications;

    NotificationMeters(NotificationLog notifications) {
        this.notifications = notifications;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (NotificationState state : new NotificationState[] {NotificationState.PENDING, NotificationState.FAILED}) {
            Gauge.builder("proposals.mails", () -> notifications.count(state))
                    .description("Notifications to be mailed (PENDING) and whose last attempt failed (FAILED)")
                    .tag("state", state.name()).register(registry);
        }
    }
}
