package cn.cppcc.proposals.notification;

/**
 * RECORDED: no SMTP server is configured (the demo), the office reads it in the application.
 * PENDING: waiting for its delivery job. SENT: the SMTP server accepted it; never sent again.
 * FAILED: the last attempt failed; the job retries, then raises an incident.
 */
public enum NotificationState {
    RECORDED, PENDING, SENT, FAILED
}
