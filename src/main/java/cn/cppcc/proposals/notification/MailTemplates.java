package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.shared.CacheVersions;
import cn.cppcc.proposals.shared.Input;
import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Chinese mail templates, one per event, in the table mail_templates: admins change them
 * through the API without a rebuild. Placeholders are written {name}; values are inserted as
 * plain text (mails are sent as text/plain, so user text cannot become markup).
 */
@Service
public class MailTemplates {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    static final Set<String> KNOWN = Set.of("recipientName", "recipientProposer", "proposerName", "title",
            "proposalNumber", "serialNo", "category", "comment", "ground", "unitName", "unitRole", "targetTitle",
            "targetNumber", "deadline", "acceptanceDue", "replyClass", "replyText", "daysLeft", "days", "decision", "link", "brokenSeq", "checked");

    private final JdbcClient jdbc;
    private final ProposalClock clock;
    private final ApplicationEventPublisher events;
    private final CacheVersions versions;
    /** Read on every notification: cached, checked against the version every node bumps on a change. */
    private final CacheVersions.Cached<List<Template>> templates;

    MailTemplates(JdbcClient jdbc, ProposalClock clock, ApplicationEventPublisher events, CacheVersions versions) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.versions = versions;
        this.templates = versions.cache(CacheVersions.MAIL_TEMPLATES, Duration.ZERO, this::load);
    }

    public record Template(String event, String subject, String body, String updatedBy) {}

    /** The placeholders a template may use, e.g. {@code title} for {title}, sorted. */
    public static List<String> placeholders() {
        return KNOWN.stream().sorted().toList();
    }

    record Rendered(String subject, String body) {}

    public List<Template> all() {
        return templates.get();
    }

    private List<Template> load() {
        return jdbc.sql("select event, subject, body, updated_by from mail_templates order by event")
                .query((rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    public Template get(NotificationEvent event) {
        return all().stream().filter(t -> t.event().equals(event.name())).findFirst()
                .orElseThrow(() -> new NotFoundException("没有该邮件模板：" + event));
    }

    /**
     * Changes the template of {@code event} (a {@link NotificationEvent}'s name) to the fields
     * {@code subject} (at most 300 characters) and {@code body} (10,000); every placeholder must be
     * a known one. Bad input fails naming the field.
     */
    @Transactional
    public Template update(String event, Map<String, ?> fields, String by) {
        Input input = Input.of(new HashMap<>(Map.of("event", event == null ? "" : event)));
        NotificationEvent which = input.requiredEnum("event", NotificationEvent.class);
        input.validate();
        Input values = Input.of(fields);
        String subject = values.requiredText("subject", 300);
        String body = values.requiredText("body", 10000);
        values.validate();
        return update(which, subject, body, by);
    }

    @Transactional
    public Template update(NotificationEvent event, String subject, String body, String by) {
        for (String[] field : new String[][] {{"subject", subject}, {"body", body}}) {
            Matcher matcher = PLACEHOLDER.matcher(field[1]);
            while (matcher.find()) {
                if (!KNOWN.contains(matcher.group(1))) {
                    throw new InvalidInputException(field[0], "未知的占位符：{" + matcher.group(1) + "}");
                }
            }
        }
        get(event);
        jdbc.sql("update mail_templates set subject = ?, body = ?, updated_by = ?, updated_at = ? where event = ?")
                .params(subject, body, by, OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), event.name()).update();
        versions.bump(CacheVersions.MAIL_TEMPLATES); // every node reads the templates again
        templates.forget();
        events.publishEvent(new MailTemplateChanged(event, subject, body));
        return get(event);
    }

    Rendered render(NotificationEvent event, Map<String, String> values) {
        Template template = get(event);
        return new Rendered(fill(template.subject(), values).replaceAll("[\\r\\n]+", " "), fill(template.body(), values));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
