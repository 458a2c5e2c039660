package cn.cppcc.proposals.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an audit record says happened: a stable code (searched by {@code action}) and its Chinese
 * name. {@link #proposers()} says whether a proposal's proposers (and a key proposal's supervisor)
 * see it in the timeline: they see what the dossier shows them, not a unit's drafts, internal
 * reminders or the engine's operations. {@link #technical()} says whether the timeline shows it
 * only in its 技术明细 (for auditors): the system's own bookkeeping, not a business event.
 */
public enum AuditAction {
    // submission and the steps of the lifecycle (user tasks)
    PROPOSAL_SUBMITTED("提交提案", true),
    CO_PROPOSAL_ANSWERED("联名确认", true),
    PROPOSAL_REVIEWED("审查立案", true),
    PROPOSAL_REVISED("修改提案", true),
    PROPOSAL_ASSIGNED("交办", true),
    ASSIGNMENT_ACCEPTED("签收", true),
    ASSIGNMENT_OBJECTED("提出异议", true),
    OBJECTION_RESOLVED("处理异议", true),
    OPINION_SENT("提出会办意见", true),
    REPLY_DRAFTED("答复", false),
    REPLY_SIGNED_OFF("签发", true),
    REPLY_RETURNED("签发：退回修改", false),
    REPLY_RATED("评价", true),
    REPLY_CLASS_CORRECTED("更正答复类别", true),
    RE_HANDLING_COORDINATED("协调再次办理", true),
    SUPERVISED("督办", true),
    FOLLOWED_UP("回头看", true),
    PUBLICATION_DECIDED("决定是否公开", true),
    REPLIES_PUBLICATION_DECIDED("公开答复", true),
    WITHDRAWAL_DECIDED("审批撤回", true),
    STEP_COMPLETED("办理任务", false),
    // actions without a task
    CONSULTATION_RECORDED("记录协商", true),
    ATTACHMENT_ADDED("上传附件", true),
    // the engine's service tasks: the system's own steps and the deadlines' escalations
    CO_PROPOSERS_DROPPED("移除未答复的联名人", true),
    REVIEW_OPENED("受理审查", true),
    REVIEW_OVERDUE("审查逾期提醒", false),
    PROPOSAL_CLOSED("办结", true),
    WITHDRAWAL_REQUESTED("申请撤回", true),
    PROPOSAL_WITHDRAWN("撤回提案", true),
    UNIT_ASSIGNMENT_OPENED("启动承办", true),
    ACCEPTED_BY_SILENCE("逾期未签收，视为签收", true),
    OPINION_REMINDED("催办会办意见", false),
    REPLY_DUE_REMINDED("提醒答复期限", false),
    MEETING_REMINDED("提醒见面协商", false),
    REPLY_OVERDUE("答复逾期通报", true),
    REPLY_SENT("答复送达提案者", true),
    NO_RESPONSE_RECORDED("逾期未评价，记为未评价", true),
    SYSTEM_STEP("系统处理", false),
    // notifications: each person sees those sent to them
    NOTIFICATION_RECORDED("生成通知", false),
    MAIL_SENT("邮件已发送", false),
    MAIL_FAILED("邮件发送失败", false),
    // administration and configuration
    USER_DISABLED("停用用户", false),
    USER_ENABLED("启用用户", false),
    USER_REMOVED("删除已停用的用户", false),
    IDENTITY_CHANGED("用户和用户组变更", false),
    AUTHORIZATION_CHANGED("权限变更", false),
    ENGINE_OPERATION("流程引擎操作", false),
    UNIT_CREATED("新增承办单位", false),
    UNIT_UPDATED("修改承办单位", false),
    CATEGORY_CREATED("新增提案类别", false),
    CATEGORY_UPDATED("修改提案类别", false),
    SESSION_CREATED("新增届次", false),
    CALENDAR_CHANGED("修改节假日安排", false),
    MAIL_TEMPLATE_CHANGED("修改邮件模板", false),
    CLOCK_SET("设置系统时钟", false),
    CLOCK_RESET("恢复系统时钟", false),
    SETTINGS_CHANGED("配置变更", false),
    // the trail itself
    AUDIT_EXPORTED("导出审计记录", false),
    DOSSIER_EXPORTED("导出提案档案", false),
    AUDIT_CHAIN_BROKEN("审计记录校验未通过", false);

    private final String label;
    private final boolean proposers;

    AuditAction(String label, boolean proposers) {
        this.label = label;
        this.proposers = proposers;
    }

    /** The Chinese name, e.g. 提交提案. */
    public String label() {
        return label;
    }

    /** Whether the proposers of the proposal see it in its timeline. */
    public boolean proposers() {
        return proposers;
    }

    /**
     * Whether it is the system's own bookkeeping rather than a business event (提交、立案、交办、签收、
     * 协商、答复、签发、评价、督办、办结 …): notifications and mails, the engine's operations and
     * service steps that only open the next step, administration, exports.
     */
    public boolean technical() {
        return Technical.ACTIONS.contains(this);
    }

    private static final class Technical {
        static final Set<AuditAction> ACTIONS = EnumSet.of(REVIEW_OPENED, UNIT_ASSIGNMENT_OPENED, SYSTEM_STEP,
                STEP_COMPLETED, NOTIFICATION_RECORDED, MAIL_SENT, MAIL_FAILED, USER_DISABLED, USER_ENABLED, USER_REMOVED,
                IDENTITY_CHANGED, AUTHORIZATION_CHANGED, ENGINE_OPERATION, UNIT_CREATED, UNIT_UPDATED, CATEGORY_CREATED,
                CATEGORY_UPDATED, SESSION_CREATED, CALENDAR_CHANGED, MAIL_TEMPLATE_CHANGED, CLOCK_SET, CLOCK_RESET,
                SETTINGS_CHANGED, AUDIT_EXPORTED, DOSSIER_EXPORTED, AUDIT_CHAIN_BROKEN);
    }
}
