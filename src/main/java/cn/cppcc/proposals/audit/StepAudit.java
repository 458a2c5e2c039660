package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepCompleted;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one hook for every human step: each completed user task, by the API or by Tasklist, is
 * recorded with its decision (the action's name, e.g. 审查立案：立案) and the fields given (texts
 * cut at 300 characters: the dossier keeps them whole, see AuditDetails), in the step's transaction.
 */
@Component
class StepAudit {

    private final AuditTrail trail;
    private final Catalog catalog;
    private final ProposalClock clock;

    StepAudit(AuditTrail trail, Catalog catalog, ProposalClock clock) {
        this.trail = trail;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventListener
    void on(StepCompleted step) {
        Map<String, Object> in = step.input();
        AuditAction action;
        String name;
        switch (step.taskKey()) {
            case ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL -> {
                action = AuditAction.CO_PROPOSAL_ANSWERED;
                name = "联名确认：" + (yes(in.get("confirm")) ? "同意联名" : "不同意联名");
            }
            case ProposalHandlingProcess.TASK_REVIEW_PROPOSAL -> {
                action = AuditAction.PROPOSAL_REVIEWED;
                name = "审查立案：" + code(in.get("decision"));
            }
            case ProposalHandlingProcess.TASK_REVISE_PROPOSAL -> {
                action = AuditAction.PROPOSAL_REVISED;
                name = action.label();
            }
            case ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL -> {
                action = AuditAction.PROPOSAL_ASSIGNED;
                name = "交办：" + code(in.get("mode"));
            }
            case UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT -> {
                action = yes(in.get("accept")) ? AuditAction.ASSIGNMENT_ACCEPTED : AuditAction.ASSIGNMENT_OBJECTED;
                name = action.label();
            }
            case UnitHandlingProcess.TASK_RESOLVE_OBJECTION -> {
                action = AuditAction.OBJECTION_RESOLVED;
                name = "处理异议：" + code(in.get("decision"));
            }
            case UnitHandlingProcess.TASK_SEND_OPINION -> {
                action = AuditAction.OPINION_SENT;
                name = action.label();
            }
            case UnitHandlingProcess.TASK_DRAFT_REPLY -> {
                if ("CONSULTATION".equals(in.get("action"))) {
                    return; // the consultation is recorded with its own record, as on every door (HandlingInputs)
                } else {
                    action = AuditAction.REPLY_DRAFTED;
                    name = "答复：" + in.getOrDefault("classification", "") + "类";
                }
            }
            case UnitHandlingProcess.TASK_SIGN_OFF_REPLY -> {
                action = yes(in.get("approve")) ? AuditAction.REPLY_SIGNED_OFF : AuditAction.REPLY_RETURNED;
                name = action.label();
            }
            case UnitHandlingProcess.TASK_RATE_REPLY -> {
                action = AuditAction.REPLY_RATED;
                name = "评价：" + code(in.get("rating"));
            }
            case UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING -> {
                action = AuditAction.RE_HANDLING_COORDINATED;
                name = action.label();
            }
            case ProposalHandlingProcess.TASK_SUPERVISE_KEY_PROPOSAL -> {
                action = AuditAction.SUPERVISED;
                name = "重点提案督办";
            }
            case UnitHandlingProcess.TASK_SUPERVISE_OVERDUE -> {
                action = AuditAction.SUPERVISED;
                name = "逾期督办";
            }
            case ProposalHandlingProcess.TASK_FOLLOW_UP -> {
                action = AuditAction.FOLLOWED_UP;
                name = action.label();
            }
            case ProposalHandlingProcess.TASK_DECIDE_PUBLICATION -> {
                action = AuditAction.PUBLICATION_DECIDED;
                name = "公开提案：" + (yes(in.get("publish")) ? "公开" : "不公开");
            }
            case ProposalHandlingProcess.TASK_PUBLISH_REPLIES -> {
                action = AuditAction.REPLIES_PUBLICATION_DECIDED;
                name = "公开答复：" + (yes(in.get("publish")) ? "公开" : "不公开");
            }
            case ProposalHandlingProcess.TASK_APPROVE_WITHDRAWAL -> {
                action = AuditAction.WITHDRAWAL_DECIDED;
                name = "审批撤回：" + (yes(in.get("approve")) ? "同意" : "不同意");
            }
            default -> {
                action = AuditAction.STEP_COMPLETED;
                name = step.taskName() == null ? step.taskKey() : step.taskName();
            }
        }
        String unit = step.unitCode() == null ? null : "承办单位：" + catalog.unitName(step.unitCode());
        String fields = AuditDetails.of(in, clock.zone());
        String detail = unit == null ? fields : fields.isEmpty() ? unit : unit + "；" + fields;
        trail.record(action, name, step.proposalId(), step.unitCode(), "task:" + step.taskId(), detail);
    }

    private static boolean yes(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static String code(Object value) {
        String text = value == null ? "" : String.valueOf(value).strip();
        return AuditDetails.CODES.getOrDefault(text, text);
    }
}
