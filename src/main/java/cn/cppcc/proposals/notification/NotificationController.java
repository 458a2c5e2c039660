package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications} (office and auditors): every notification, sent or only recorded,
 * with its state and attempts. {@code /api/admin/mail-templates}: admins edit the templates.
 */
@RestController
class NotificationController {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final CurrentActor currentActor;

    NotificationController(JdbcClient jdbc, MailTemplates templates, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.currentActor = currentActor;
    }

    record NotificationView(long id, String event, Long proposalId, String unit, String recipient, String email,
                            String subject, String body, String state, int attempts, String lastError,
                            Instant createdAt, Instant sentAt) {}

    record Page(List<NotificationView> items, long total) {}

    @GetMapping("/api/notifications")
    Page notifications(@RequestParam Map<String, String> query) {
        Actor actor = currentActor.get();
        if (!actor.isOffice() && !actor.isIn(Actor.AUDITORS)) {
            throw new ForbiddenException("只有提案委员会和审计人员可以查看通知");
        }
        Input input = Input.of(new HashMap<>(query));
        Long proposal = input.number("proposal");
        NotificationState state = input.optionalEnum("state", NotificationState.class);
        NotificationEvent event = input.optionalEnum("event", NotificationEvent.class);
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= 200, "size", "每页条数应在1至200之间");
        input.validate();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (proposal != null) {
            where.append(" and proposal_id = :proposal");
            params.put("proposal", proposal);
        }
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state.name());
        }
        if (event != null) {
            where.append(" and event = :event");
            params.put("event", event.name());
        }
        long total = jdbc.sql("select count(*) from notifications" + where).params(params).query(Long.class).single();
        int pageSize = size == null ? 50 : size.intValue();
        params.put("limit", pageSize);
        params.put("offset", (page == null ? 0 : page) * pageSize);
        List<NotificationView> items = jdbc.sql("select * from notifications" + where
                        + " order by id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new NotificationView(rs.getLong("id"), rs.getString("event"),
                        (Long) rs.getObject("proposal_id", Long.class), rs.getString("unit_code"), rs.getString("recipient"),
                        rs.getString("email"), rs.getString("subject"), rs.getString("body"), rs.getString("state"),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("sent_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
                .list();
        return new Page(items, total);
    }

    @GetMapping("/api/admin/mail-templates")
    List<MailTemplates.Template> templates() {
        admin();
        return templates.all();
    }

    /** Body: {subject, body}; placeholders such as {title} are checked. */
    @PutMapping("/api/admin/mail-templates/{event}")
    MailTemplates.Template update(@PathVariable String event, @RequestBody Map<String, Object> body) {
        Actor actor = admin();
        Input input = Input.of(new HashMap<>(Map.of("event", event)));
        NotificationEvent which = input.requiredEnum("event", NotificationEvent.class);
        Input fields = Input.of(body);
        String subject = fields.requiredText("subject", 300);
        String text = fields.requiredText("body", 10000);
        input.validate();
        fields.validate();
        return templates.update(which, subject, text, actor.userId());
    }

    private Actor admin() {
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.ADMINS)) {
            throw new ForbiddenException("只有系统管理员可以修改邮件模板");
        }
        return actor;
    }
}
