package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationLog;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.NotificationState;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.web.StepRunner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications 通知记录 for the office (and auditors), through the service of
 * {@code GET /api/notifications}: each with its state, filtered by state, event and proposal. A
 * failed mail is retried by its delivery job ({@code proposals.mail.retry-cycle}); the page shows
 * the attempts, the last error and the next attempt, and after the last one the incident, which an
 * admin retries in Cockpit (the office opens the delivery process there, read-only).
 */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 30;
    static final List<String> FILTERS = List.of("state", "event", "proposal");

    private final NotificationLog log;
    private final NotificationService notifications;
    private final CurrentActor currentActor;
    private final StepRunner runner;

    NotificationPages(NotificationLog log, NotificationService notifications, CurrentActor currentActor,
            StepRunner runner) {
        this.log = log;
        this.notifications = notifications;
        this.currentActor = currentActor;
        this.runner = runner;
    }

    /** A notification with its delivery, when it has a job. */
    record Row(NotificationLog.Notification notification, NotificationLog.Delivery delivery, String cockpit) {}

    @GetMapping("/office/notifications")
    String notificationsPage(@RequestParam Map<String, String> query, Model model) {
        Actor actor = currentActor.get();
        if (!NotificationLog.mayRead(actor)) {
            throw new ForbiddenException("只有提案委员会和审计人员可以查看通知");
        }
        Map<String, String> filter = new LinkedHashMap<>();
        FILTERS.forEach(name -> {
            if (query.get(name) != null && !query.get(name).isBlank()) {
                filter.put(name, query.get(name).strip());
            }
        });
        int page = parsePage(query.get("page"));
        Map<String, String> asked = new LinkedHashMap<>(filter);
        asked.put("page", String.valueOf(page));
        NotificationLog.Page[] found = {new NotificationLog.Page(List.of(), 0)};
        StepRunner.Outcome<Void> outcome = runner.run(() -> found[0] = log.find(asked, PAGE_SIZE, actor));
        if (!outcome.ok()) {
            model.addAttribute("errors", outcome.fieldErrors());
        }
        List<Row> rows = found[0].items().stream().map(n -> new Row(n, log.delivery(n).orElse(null),
                n.processInstanceId() == null ? null
                        : "/camunda/app/cockpit/default/#/process-instance/" + n.processInstanceId() + "/runtime"))
                .toList();
        long lastPage = Math.max(0, (found[0].total() - 1) / PAGE_SIZE);
        model.addAttribute("rows", rows);
        model.addAttribute("total", found[0].total());
        model.addAttribute("filter", filter);
        model.addAttribute("states", NotificationState.values());
        model.addAttribute("events", NotificationEvent.values());
        model.addAttribute("sending", notifications.sending());
        model.addAttribute("page", page);
        model.addAttribute("lastPage", lastPage);
        model.addAttribute("previousPage", link(filter, page - 1));
        model.addAttribute("nextPage", link(filter, page + 1));
        return "office/notifications";
    }

    private static int parsePage(String page) {
        return page != null && page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
    }

    private static String link(Map<String, String> filter, int page) {
        Map<String, String> query = new LinkedHashMap<>(filter);
        if (page > 0) {
            query.put("page", String.valueOf(page));
        }
        String parameters = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/office/notifications" + (parameters.isEmpty() ? "" : "?" + parameters);
    }
}
