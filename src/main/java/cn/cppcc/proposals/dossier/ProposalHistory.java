package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.audit.AuditLog;
import cn.cppcc.proposals.audit.AuditRecord;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.Texts;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A proposal's timeline 办理经过, oldest first: its business events (提交、联名确认、立案、交办、签收、协商、
 * 答复、签发、评价、督办、办结 …) from the audit trail, with people and units by name and codes by their
 * Chinese names (also in records written before names were recorded, see {@link AuditTexts}).
 *
 * <p>The 技术明细, for auditors only and only when asked for: the trail's bookkeeping records
 * (notifications, mails, the engine's operations, service steps; {@link AuditAction#technical()})
 * and the engine's history of the proposal's process and its units' processes: events (start, end,
 * timers, messages), tasks with their assignee, due date and duration, and the variable changes.
 *
 * <p>Who sees which business events, as in the dossier: the office and auditors all; a unit's staff
 * all but notifications to others; the proposers and a key proposal's supervisor those of
 * {@link AuditAction#proposers()} actions.
 */
@Service
@Transactional(readOnly = true)
public class ProposalHistory {

    static final Set<String> EVENTS = Set.of("startEvent", "noneEndEvent", "endEvent", "errorEndEvent",
            "terminateEndEvent", "boundaryTimer", "boundaryMessage", "boundaryError", "intermediateTimer",
            "intermediateMessageCatch", "messageStartEvent", "callActivity");
    static final int VALUE_IN_DETAIL = 200;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProposalAccess access;
    private final AuditLog events;
    private final HistoryService history;
    private final EngineAsSystem system;
    private final AuditTexts texts;
    private final ProposalClock clock;

    ProposalHistory(ProposalAccess access, AuditLog events, HistoryService history, EngineAsSystem system,
            AuditTexts texts, ProposalClock clock) {
        this.access = access;
        this.events = events;
        this.history = history;
        this.system = system;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * One line of the timeline.
     *
     * @param actor     who acted (a user id, or {@code system})
     * @param actorName their name (系统 for the system)
     * @param source    {@code audit} (with its {@code seq}) or {@code engine}
     * @param technical whether it belongs to the 技术明细
     */
    public record Entry(Instant at, String actor, String actorName, String action, String detail, String source,
                        Long seq, boolean technical) {}

    enum View { FULL, UNIT, PROPOSER }

    /** The business events the actor may see. */
    public List<Entry> of(long proposalId, Actor actor) {
        return of(proposalId, actor, false);
    }

    /**
     * The business events, with the 技术明细 when {@code technical} (auditors only).
     *
     * @throws cn.cppcc.proposals.shared.NotFoundException when the actor may not see the proposal
     * @throws ForbiddenException when someone other than an auditor asks for the 技术明细
     */
    public List<Entry> of(long proposalId, Actor actor, boolean technical) {
        access.requireVisible(proposalId, actor);
        if (technical && !mayAskForTechnical(actor)) {
            throw new ForbiddenException("只有审计监督人员可以查看技术明细");
        }
        View view = actor.isOffice() || actor.isIn(Actor.AUDITORS) ? View.FULL
                : !ProposalAccess.unitsOf(actor).isEmpty() ? View.UNIT : View.PROPOSER;
        AuditTexts.Reading names = texts.reading();
        List<Entry> entries = new ArrayList<>();
        List<HistoricProcessInstance> instances = technical ? instances(proposalId) : List.of();
        Map<String, HistoricTaskInstance> tasks = new HashMap<>();
        for (HistoricProcessInstance instance : instances) {
            system.read(() -> history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
                    .forEach(t -> tasks.put(t.getId(), t));
        }
        for (AuditRecord r : events.ofProposal(proposalId)) {
            AuditAction action = action(r);
            boolean bookkeeping = action == null || action.technical();
            if (!visible(r, action, view, actor) || bookkeeping && !technical) {
                continue;
            }
            String detail = names.detail(r.detail());
            if (technical && r.subject() != null && r.subject().startsWith("task:")) {
                HistoricTaskInstance task = tasks.remove(r.subject().substring(5));
                if (task != null) {
                    detail = (detail == null ? "" : detail + "；") + "任务：" + task.getName() + "；用时："
                            + duration(task.getStartTime().toInstant(), r.at());
                }
            }
            entries.add(new Entry(r.at(), r.actor(), names.person(r.actor()), r.actionName(), detail, "audit", r.seq(),
                    bookkeeping));
        }
        for (HistoricProcessInstance instance : instances) {
            engine(instance, tasks, names, entries);
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> e.seq() == null ? Long.MAX_VALUE : e.seq()));
        return entries;
    }

    /** Whether the actor may ask for the 技术明细: auditors. */
    public static boolean mayAskForTechnical(Actor actor) {
        return actor.isIn(Actor.AUDITORS);
    }

    private List<HistoricProcessInstance> instances(long proposalId) {
        return system.read(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(proposalId)).list()).stream()
                .filter(p -> !"MailDeliveryProcess".equals(p.getProcessDefinitionKey())).toList();
    }

    private void engine(HistoricProcessInstance instance, Map<String, HistoricTaskInstance> tasks,
            AuditTexts.Reading names, List<Entry> entries) {
        String process = instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                : instance.getProcessDefinitionName();
        String systemName = names.person(AuditNote.SYSTEM);
        for (HistoricActivityInstance activity : system.read(() -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).list())) {
            boolean call = activity.getActivityType().equals("callActivity");
            // a timer still waiting, or one cancelled because its task was done first, did not happen
            if (!EVENTS.contains(activity.getActivityType()) || activity.isCanceled()
                    || !call && activity.getEndTime() == null) {
                continue;
            }
            String name = activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
            Instant at = (call ? activity.getStartTime() : activity.getEndTime()).toInstant();
            entries.add(new Entry(at, AuditNote.SYSTEM, systemName, "流程：" + name, process, "engine", null, true));
        }
        for (HistoricTaskInstance task : tasks.values()) {
            if (!task.getProcessInstanceId().equals(instance.getId())) {
                continue;
            }
            String who = task.getAssignee() == null ? "" : "办理人：" + names.person(task.getAssignee()) + "；";
            entries.add(new Entry(task.getStartTime().toInstant(), AuditNote.SYSTEM, systemName, "任务开始：" + task.getName(),
                    who + (task.getDueDate() == null ? "" : "期限：" + time(task.getDueDate())), "engine", null, true));
            if (task.getEndTime() != null) {
                String reason = "completed".equals(task.getDeleteReason()) ? "完成" : "结束（" + task.getDeleteReason() + "）";
                String by = task.getAssignee() == null ? AuditNote.SYSTEM : task.getAssignee();
                entries.add(new Entry(task.getEndTime().toInstant(), by, names.person(by), "任务" + reason + "：" + task.getName(),
                        who + "用时：" + duration(task.getStartTime().toInstant(), task.getEndTime().toInstant()),
                        "engine", null, true));
            }
        }
        for (HistoricDetail detail : system.read(() -> history.createHistoricDetailQuery().variableUpdates()
                .processInstanceId(instance.getId()).list())) {
            if (detail instanceof HistoricVariableUpdate update) {
                entries.add(new Entry(update.getTime().toInstant(), AuditNote.SYSTEM, systemName,
                        "变量：" + update.getVariableName(), process + "；值：" + value(update.getValue()), "engine", null, true));
            }
        }
    }

    /** A variable's value as people read it: times in Beijing time, long texts cut. */
    private String value(Object value) {
        if (value instanceof Date date) {
            return time(date);
        }
        if (value instanceof LocalDate day) {
            return day.toString();
        }
        return Texts.cut(String.valueOf(value), VALUE_IN_DETAIL);
    }

    private String time(Date date) {
        return TIME.format(date.toInstant().atZone(clock.zone()));
    }

    private static AuditAction action(AuditRecord r) {
        try {
            return AuditAction.valueOf(r.action());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean visible(AuditRecord r, AuditAction action, View view, Actor actor) {
        if (view == View.FULL) {
            return true;
        }
        if (action == null) {
            return false;
        }
        boolean notification = action == AuditAction.NOTIFICATION_RECORDED || action == AuditAction.MAIL_SENT
                || action == AuditAction.MAIL_FAILED;
        if (notification) {
            return ("User:" + actor.userId()).equals(r.subject());
        }
        if (action == AuditAction.ENGINE_OPERATION || action == AuditAction.IDENTITY_CHANGED
                || action == AuditAction.AUTHORIZATION_CHANGED) {
            return false;
        }
        return view == View.UNIT || action.proposers();
    }

    /** A duration in Chinese: 2天3小时、5分钟. */
    static String duration(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        StringBuilder out = new StringBuilder();
        if (d.toDays() > 0) {
            out.append(d.toDays()).append("天");
        }
        if (d.toHoursPart() > 0) {
            out.append(d.toHoursPart()).append("小时");
        }
        if (d.toMinutesPart() > 0 && d.toDays() == 0) {
            out.append(d.toMinutesPart()).append("分钟");
        }
        return out.isEmpty() ? "不到1分钟" : out.toString();
    }
}
