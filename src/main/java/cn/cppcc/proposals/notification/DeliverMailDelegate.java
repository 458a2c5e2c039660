package cn.cppcc.proposals.notification;

import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.CodeLabels;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task_DeliverMail (async, retried): sends one notification. Its outcome is written in a
 * transaction of its own at once: once the SMTP server has accepted a mail it is marked SENT, so a
 * retry of the job (say the commit failed afterwards) never sends it again; a failure is counted
 * and rethrown, so the engine retries (R5/PT5M) and then raises an incident, whose resolution sends it.
 */
@Component
class DeliverMailDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final JavaMailSender mailSender;
    private final ProposalSettings settings;
    private final ProposalClock clock;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Directory directory;

    DeliverMailDelegate(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<JavaMailSender> mailSender,
            ProposalSettings settings, ProposalClock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            Directory directory) {
        this.events = events;
        this.directory = directory;
        this.jdbc = jdbc;
        this.mailSender = mailSender.getIfAvailable();
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    record Mail(String email, String subject, String body, String state, Long proposalId, String unitCode,
                String recipient, String event) {}

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        long id = ((Number) execution.getVariable("notificationId")).longValue();
        Mail mail = ownTransaction.execute(status -> jdbc.sql("select email, subject, body, state, proposal_id, unit_code,"
                        + " recipient, event from notifications where id = ?")
                .param(id).query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .single());
        if (NotificationState.SENT.name().equals(mail.state())) {
            return;
        }
        if (mailSender == null) {
            throw new IllegalStateException("No SMTP server is configured (spring.mail.host)");
        }
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.mail().from());
            helper.setTo(mail.email());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            mailSender.send(message);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            // the outcome and its audit record in one transaction of their own
            ownTransaction.executeWithoutResult(status -> {
                jdbc.sql("update notifications set state = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                        .params(error.length() > 1000 ? error.substring(0, 1000) : error, id).update();
                events.publishEvent(new MailDelivered(id, mail.proposalId(), mail.unitCode(), mail.recipient(),
                        describe(id, mail), error));
            });
            throw e;
        }
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("update notifications set state = 'SENT', attempts = attempts + 1, last_error = null, sent_at = ?"
                            + " where id = ?")
                    .params(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), id).update();
            events.publishEvent(new MailDelivered(id, mail.proposalId(), mail.unitCode(), mail.recipient(),
                    describe(id, mail), null));
        });
    }

    private String describe(long id, Mail mail) {
        return "通知：" + id + "；事件：" + CodeLabels.of("event", mail.event()) + "；收件人："
                + directory.displayName(mail.recipient()) + "；邮箱：" + mail.email() + "；标题：" + mail.subject();
    }
}
