package cn.cppcc.proposals.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * {@code mail} in the readiness group: whether the SMTP server ({@code spring.mail.host}) answers.
 * One that does not is {@link #DEGRADED}, not DOWN: mails wait and are retried (their delivery
 * jobs), every step still works, and the SMTP server is the same for every node, so taking the
 * nodes out of the proxy for it would stop everything for the sake of mail. DEGRADED ranks above UP
 * and answers 200 ({@code management.endpoint.health.status}). Registered only with an SMTP server
 * (OperationsConfiguration): without one, notifications are only recorded.
 */
class MailServerHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final MailHealthIndicator smtp;

    MailServerHealth(JavaMailSenderImpl mailSender) {
        this.smtp = new MailHealthIndicator(mailSender);
    }

    @Override
    public Health health() {
        Health health = smtp.health();
        return Status.DOWN.equals(health.getStatus())
                ? Health.status(DEGRADED).withDetails(health.getDetails()).build()
                : health;
    }
}
