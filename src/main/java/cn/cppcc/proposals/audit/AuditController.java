package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.ProposalClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md "Reports, audit": the search of the trail, its CSV export and the verification, for
 * auditors only. The office does not read the whole trail: it is the busiest actor in it (who audits
 * whom), and it sees each proposal's timeline. The audit page (web/audit/AuditPages) calls these
 * methods, so that it allows exactly what the API allows.
 */
@RestController
public class AuditController {

    static final int MAX_PAGE_SIZE = 200;

    private final AuditEvents events;
    private final AuditChain chain;
    private final AuditTrail trail;
    private final CurrentActor currentActor;
    private final ProposalClock clock;
    private final AuditSettings settings;
    private final TransactionTemplate readOnly;

    AuditController(AuditEvents events, AuditChain chain, AuditTrail trail, CurrentActor currentActor,
            ProposalClock clock, AuditSettings settings, PlatformTransactionManager transactions) {
        this.events = events;
        this.chain = chain;
        this.trail = trail;
        this.currentActor = currentActor;
        this.clock = clock;
        this.settings = settings;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public record Item(long seq, Instant at, String actor, String actorRoles, String action, String actionName,
                Long proposalId, String unit, String subject, String clientIp, String detail, String prevHash,
                String hash) {

        static Item of(AuditRecord r) {
            return new Item(r.seq(), r.at(), r.actor(), r.actorRoles(), r.action(), r.actionName(), r.proposalId(),
                    r.unitCode(), r.subject(), r.clientIp(), r.detail(), r.prevHash(), r.hash());
        }
    }

    public record Page(List<Item> items, long total, boolean totalCapped, int page, int size) {}

    public record ActionView(String code, String name) {}

    @GetMapping("/api/audit/events")
    public Page search(@RequestParam Map<String, String> query) {
        requireAuditor();
        Input input = Input.of(new HashMap<>(query));
        AuditEvents.Filter filter = filter(input);
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= MAX_PAGE_SIZE, "size", "每页条数应在1至" + MAX_PAGE_SIZE + "之间");
        input.validate();
        int p = page == null ? 0 : page.intValue();
        int s = size == null ? 50 : size.intValue();
        if ((long) p * s > settings.maxOffset()) {
            throw new InvalidInputException("page", "只能查看前" + settings.maxOffset() + "条以内的分页，请缩小时间范围或增加条件");
        }
        AuditEvents.Page found = events.search(filter, p * s, s);
        return new Page(found.items().stream().map(Item::of).toList(), found.total(), found.totalCapped(), p, s);
    }

    /** The search's records as CSV, oldest first, all of them (up to proposals.audit.export-max-rows). */
    @GetMapping("/api/audit/events.csv")
    public void export(@RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
        requireAuditor();
        Input input = Input.of(new HashMap<>(query));
        AuditEvents.Filter filter = filter(input);
        input.validate();
        long count = events.count(filter, settings.exportMaxRows() + 1);
        if (count > settings.exportMaxRows()) {
            throw new InvalidInputException("from", "一次最多导出" + settings.exportMaxRows() + "条，请缩小时间范围或增加条件");
        }
        // the export is itself recorded, before it is sent
        trail.record(AuditAction.AUDIT_EXPORTED, filter.proposalId(), filter.unitCode(), null,
                "条件：" + describe(query) + "；条数：" + count);
        String name = "审计记录-" + DateTimeFormatter.BASIC_ISO_DATE.format(clock.today()) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.csv\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        AuditCsv.header(out);
        readOnly.executeWithoutResult(status -> events.each(filter, r -> {
            try {
                AuditCsv.record(out, r, clock.zone());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        out.flush();
    }

    @GetMapping("/api/audit/verify")
    public AuditChain.Verification verify() {
        requireAuditor();
        return chain.verify();
    }

    @GetMapping("/api/audit/actions")
    public List<ActionView> actions() {
        requireAuditor();
        return Arrays.stream(AuditAction.values()).map(a -> new ActionView(a.name(), a.label())).toList();
    }

    private AuditEvents.Filter filter(Input input) {
        Instant from = time(input, "from", false);
        Instant to = time(input, "to", true);
        String actor = input.text("actor", 64);
        Long proposal = input.number("proposal");
        String unit = input.text("unit", 32);
        String action = input.text("action", 64);
        if (action != null && Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(action))) {
            input.error("action", "没有该操作代码");
        }
        if (from != null && to != null) {
            input.check(from.isBefore(to), "to", "截止时间应晚于起始时间");
        }
        return new AuditEvents.Filter(from, to, actor, proposal, unit, action);
    }

    /**
     * A day ({@code YYYY-MM-DD}, in proposals.zone; {@code to} includes the whole day) or an
     * ISO-8601 time with its offset.
     */
    private Instant time(Input input, String field, boolean end) {
        String value = input.text(field, 40);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(clock.zone()).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            input.error(field, "应为日期（YYYY-MM-DD）或带时区的时间（ISO-8601）");
            return null;
        }
    }

    private static String describe(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((k, v) -> {
            if (List.of("from", "to", "actor", "proposal", "unit", "action").contains(k)) {
                out.append(out.isEmpty() ? "" : "，").append(k).append("=").append(AuditTrail.cut(v, 64));
            }
        });
        return out.isEmpty() ? "全部" : out.toString();
    }

    private void requireAuditor() {
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.AUDITORS)) {
            throw new ForbiddenException("只有审计监督人员可以查看审计记录");
        }
    }
}
