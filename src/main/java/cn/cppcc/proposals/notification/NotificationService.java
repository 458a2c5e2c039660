package cn.cppcc.proposals.notification;

import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people of an event: one notification per recipient, written in the caller's transaction
 * (a failed step tells nobody). With an SMTP server configured, each one gets a delivery process
 * whose async job sends it after the commit; without one (the demo) it is only recorded and the
 * office reads it in the application.
 */
@Service
public class NotificationService {

    static final String DELIVERY_PROCESS = "MailDeliveryProcess";

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final Directory directory;
    private final RuntimeService runtimeService;
    private final EngineAsSystem system;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ProposalSettings settings;
    private final ProposalClock clock;
    private final String mailHost;
    private final ApplicationEventPublisher events;

    NotificationService(JdbcClient jdbc, MailTemplates templates, Directory directory, RuntimeService runtimeService,
            EngineAsSystem system, ObjectProvider<JavaMailSender> mailSender, ProposalSettings settings,
            ProposalClock clock, @org.springframework.beans.factory.annotation.Value("${spring.mail.host:}") String mailHost,
            ApplicationEventPublisher events) {
        this.events = events;
        this.mailHost = mailHost;
        this.jdbc = jdbc;
        this.templates = templates;
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.system = system;
        this.mailSender = mailSender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether mails go out (an SMTP host is configured); else they are recorded only. */
    public boolean sending() {
        return mailSender.getIfAvailable() != null && mailHost != null && !mailHost.isBlank();
    }

    /**
     * @param proposalId the proposal the event concerns, or {@code null}
     * @param unitCode   the unit it concerns, or {@code null}
     * @param values     the template's placeholders; {@code recipientName} and {@code link} are added here
     */
    @Transactional
    public void notify(NotificationEvent event, Recipients recipients, Long proposalId, String unitCode,
            Map<String, String> values) {
        for (String userId : resolve(recipients)) {
            User user = directory.user(userId).orElse(null);
            if (user == null) {
                continue;
            }
            Map<String, String> model = new HashMap<>(values);
            model.put("recipientName", directory.displayName(userId));
            model.put("link", proposalId == null ? settings.mail().baseUrl()
                    : settings.mail().baseUrl() + "/proposals/" + proposalId);
            MailTemplates.Rendered mail = templates.render(event, model);
            String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
            NotificationState state = sending() && email != null ? NotificationState.PENDING : NotificationState.RECORDED;
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into notifications (event, proposal_id, unit_code, recipient, email, subject, body, state,"
                            + " attempts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                    .params(event.name(), proposalId, unitCode, userId, email, mail.subject(), mail.body(), state.name(),
                            OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC))
                    .update(key, "id");
            long notificationId = key.getKeyAs(Number.class).longValue();
            events.publishEvent(new NotificationRecorded(notificationId, event, mail.subject(), proposalId, unitCode,
                    userId, model.get("recipientName"), email, state));
            if (state == NotificationState.PENDING) {
                String instance = system.read(() -> runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS,
                        proposalId == null ? null : String.valueOf(proposalId),
                        Map.of("notificationId", notificationId, "mailRetryCycle", settings.mail().retryCycle())).getId());
                jdbc.sql("update notifications set process_instance_id = ? where id = ?").params(instance, notificationId)
                        .update();
            }
        }
    }

    private Set<String> resolve(Recipients recipients) {
        Set<String> users = new LinkedHashSet<>(recipients.users());
        for (String group : recipients.groups()) {
            directory.membersOf(group).forEach(user -> users.add(user.getId()));
        }
        users.remove(null);
        return users;
    }
}
