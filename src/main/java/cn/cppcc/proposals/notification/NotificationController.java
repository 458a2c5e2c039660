package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import java.util.List;
import java.util.Map;
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

    private final NotificationLog log;
    private final MailTemplates templates;
    private final CurrentActor currentActor;

    NotificationController(NotificationLog log, MailTemplates templates, CurrentActor currentActor) {
        this.log = log;
        this.templates = templates;
        this.currentActor = currentActor;
    }

    /** Filters {@code proposal}, {@code state}, {@code event}, {@code page}, {@code size} (1 to 200, default 50). */
    @GetMapping("/api/notifications")
    NotificationLog.Page notifications(@RequestParam Map<String, String> query) {
        return log.find(query, 50, currentActor.get());
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
        return templates.update(event, body, actor.userId());
    }

    private Actor admin() {
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.ADMINS)) {
            throw new ForbiddenException("只有系统管理员可以修改邮件模板");
        }
        return actor;
    }
}
