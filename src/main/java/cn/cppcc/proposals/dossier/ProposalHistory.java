package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.audit.AuditLog;
import cn.cppcc.proposals.audit.AuditRecord;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.Texts;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * A proposal's timeline, oldest first, merged from the audit trail and the engine's history of
 * the proposal's process and its units' processes: events (start, end, timers, messages), tasks
 * with their assignee and duration (added to the step's audit record where there is one), and the
 * variable changes. The engine's user operation log is in the trail already (EngineAudit).
 *
 * <p>Who sees what, as in the dossier: the office and auditors everything; a unit's staff all audit
 * records but notifications to others, the engine's operations and variables; the proposers and a
 * key proposal's supervisor the records of {@link AuditAction#proposers()} actions, the
 * notifications sent to themselves, and the engine's events and tasks, never variable values (they
 * hold form input and drafts the dossier hides from them).
 */
@Service
@Transactional(readOnly = true)
public class ProposalHistory {

    static final Set<String> EVENTS = Set.of("startEvent", "noneEndEvent", "endEvent", "errorEndEvent",
            "terminateEndEvent", "boundaryTimer", "boundaryMessage", "boundaryError", "intermediateTimer",
            "intermediateMessageCatch", "messageStartEvent", "callActivity");
    static final int VALUE_IN_DETAIL = 200;

    private final ProposalAccess access;
    private final AuditLog events;
    private final HistoryService history;
    private final EngineAsSystem system;

    ProposalHistory(ProposalAccess access, AuditLog events, HistoryService history, EngineAsSystem system) {
        this.access = access;
        this.events = events;
        this.history = history;
        this.system = system;
    }

    /** One line of the timeline; {@code source} is {@code audit} (with its {@code seq}) or {@code engine}. */
    public record Entry(Instant at, String actor, String action, String detail, String source, Long seq) {}

    enum View { FULL, UNIT, PROPOSER }

    /** @throws cn.cppcc.proposals.shared.NotFoundException when the actor may not see the proposal */
    public List<Entry> of(long proposalId, Actor actor) {
        access.requireVisible(proposalId, actor);
        View view = actor.isOffice() || actor.isIn(Actor.AUDITORS) ? View.FULL
                : !ProposalAccess.unitsOf(actor).isEmpty() ? View.UNIT : View.PROPOSER;
        List<Entry> entries = new ArrayList<>();
        Map<String, HistoricTaskInstance> tasks = new HashMap<>();
        List<HistoricProcessInstance> instances = system.read(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(proposalId)).list()).stream()
                .filter(p -> !"MailDeliveryProcess".equals(p.getProcessDefinitionKey())).toList();
        for (HistoricProcessInstance instance : instances) {
            system.read(() -> history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
                    .forEach(t -> tasks.put(t.getId(), t));
        }
        for (AuditRecord r : events.ofProposal(proposalId)) {
            if (!visible(r, view, actor)) {
                continue;
            }
            String detail = r.detail();
            if (r.subject() != null && r.subject().startsWith("task:")) {
                HistoricTaskInstance task = tasks.remove(r.subject().substring(5));
                if (task != null) {
                    detail = (detail == null ? "" : detail + "；") + "任务：" + task.getName() + "；用时："
                            + duration(task.getStartTime().toInstant(), r.at());
                }
            }
            entries.add(new Entry(r.at(), r.actor(), r.actionName(), detail, "audit", r.seq()));
        }
        for (HistoricProcessInstance instance : instances) {
            engine(instance, tasks, view, entries);
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> e.seq() == null ? Long.MAX_VALUE : e.seq()));
        return entries;
    }

    private void engine(HistoricProcessInstance instance, Map<String, HistoricTaskInstance> tasks, View view,
            List<Entry> entries) {
        String process = instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                : instance.getProcessDefinitionName();
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
            entries.add(new Entry(at, AuditNote.SYSTEM, "流程：" + name, process, "engine", null));
        }
        for (HistoricTaskInstance task : tasks.values()) {
            if (!task.getProcessInstanceId().equals(instance.getId())) {
                continue;
            }
            String who = task.getAssignee() == null ? "" : "办理人：" + task.getAssignee() + "；";
            entries.add(new Entry(task.getStartTime().toInstant(), AuditNote.SYSTEM, "任务开始：" + task.getName(),
                    who + (task.getDueDate() == null ? "" : "期限：" + task.getDueDate().toInstant()), "engine", null));
            if (task.getEndTime() != null) {
                String reason = "completed".equals(task.getDeleteReason()) ? "完成" : "结束（" + task.getDeleteReason() + "）";
                entries.add(new Entry(task.getEndTime().toInstant(), task.getAssignee() == null ? AuditNote.SYSTEM
                        : task.getAssignee(), "任务" + reason + "：" + task.getName(),
                        who + "用时：" + duration(task.getStartTime().toInstant(), task.getEndTime().toInstant()),
                        "engine", null));
            }
        }
        if (view == View.FULL) {
            for (HistoricDetail detail : system.read(() -> history.createHistoricDetailQuery().variableUpdates()
                    .processInstanceId(instance.getId()).list())) {
                if (detail instanceof HistoricVariableUpdate update) {
                    Object value = update.getValue();
                    entries.add(new Entry(update.getTime().toInstant(), AuditNote.SYSTEM, "变量：" + update.getVariableName(),
                            process + "；值：" + Texts.cut(String.valueOf(value), VALUE_IN_DETAIL), "engine", null));
                }
            }
        }
    }

    static boolean visible(AuditRecord r, View view, Actor actor) {
        if (view == View.FULL) {
            return true;
        }
        AuditAction action;
        try {
            action = AuditAction.valueOf(r.action());
        } catch (IllegalArgumentException e) {
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
