package cn.cppcc.proposals.notification;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every notification, sent or only recorded, with its state and attempts, for the office and
 * auditors ({@code GET /api/notifications} and the notifications page); and how a mail's delivery
 * job stands: the retries left and the next attempt, or the incident after the last one, which an
 * admin resolves in Cockpit (its Retry sends the mail).
 */
@Service
public class NotificationLog {

    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;
    private final ManagementService managementService;
    private final EngineAsSystem system;

    NotificationLog(JdbcClient jdbc, ManagementService managementService, EngineAsSystem system) {
        this.jdbc = jdbc;
        this.managementService = managementService;
        this.system = system;
    }

    /** One notification; {@code processInstanceId} is its delivery process's, when it is mailed. */
    public record Notification(long id, String event, Long proposalId, String unit, String recipient, String email,
                               String subject, String body, String state, int attempts, String lastError,
                               Instant createdAt, Instant sentAt, @JsonIgnore String processInstanceId) {}

    public record Page(List<Notification> items, long total) {}

    /**
     * Where a mail's delivery stands.
     *
     * @param retriesLeft attempts the job has left; 0 with an incident
     * @param nextAttempt when the job runs again, {@code null} when it will not by itself
     * @param incident    the last attempt failed: an admin retries it in Cockpit
     */
    public record Delivery(int retriesLeft, Instant nextAttempt, boolean incident) {}

    public static boolean mayRead(Actor actor) {
        return actor.isOffice() || actor.isIn(Actor.AUDITORS);
    }

    /** Filters {@code proposal}, {@code state}, {@code event}; {@code page} from 0 and {@code size}; newest first. */
    public Page find(Map<String, String> query, int defaultSize, Actor actor) {
        if (!mayRead(actor)) {
            throw new ForbiddenException("只有提案委员会和审计人员可以查看通知");
        }
        Input input = Input.of(new HashMap<>(query));
        Long proposal = input.number("proposal");
        NotificationState state = input.optionalEnum("state", NotificationState.class);
        NotificationEvent event = input.optionalEnum("event", NotificationEvent.class);
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= MAX_PAGE_SIZE, "size", "每页条数应在1至" + MAX_PAGE_SIZE + "之间");
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
        int pageSize = size == null ? defaultSize : size.intValue();
        params.put("limit", pageSize);
        params.put("offset", (page == null ? 0 : page) * pageSize);
        List<Notification> items = jdbc.sql("select * from notifications" + where
                        + " order by id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("event"),
                        (Long) rs.getObject("proposal_id", Long.class), rs.getString("unit_code"), rs.getString("recipient"),
                        rs.getString("email"), rs.getString("subject"), rs.getString("body"), rs.getString("state"),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("sent_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                        rs.getString("process_instance_id")))
                .list();
        return new Page(items, total);
    }

    /** How many notifications are in this state now (for the operators' metrics; no actor: counts only). */
    public long count(NotificationState state) {
        return jdbc.sql("select count(*) from notifications where state = ?").param(state.name()).query(Long.class).single();
    }

    /** The delivery job of a mailed notification that is not sent yet; empty when there is none. */
    public Optional<Delivery> delivery(Notification notification) {
        if (notification.processInstanceId() == null || NotificationState.SENT.name().equals(notification.state())) {
            return Optional.empty();
        }
        return system.read(() -> {
            Job job = managementService.createJobQuery().processInstanceId(notification.processInstanceId()).singleResult();
            if (job == null) {
                return Optional.empty();
            }
            boolean incident = job.getRetries() == 0
                    || managementService.createJobQuery().jobId(job.getId()).withException().noRetriesLeft().count() > 0;
            return Optional.of(new Delivery(job.getRetries(), incident || job.getDuedate() == null ? null
                    : job.getDuedate().toInstant(), incident));
        });
    }
}
