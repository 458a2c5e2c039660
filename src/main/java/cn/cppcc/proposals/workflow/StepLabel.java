package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.AuditAction;

/**
 * What the audit trail calls a step's completion.
 *
 * @param action the kind of action, searched by
 * @param name   its Chinese name with the decision taken, e.g. 审查立案：立案; {@code null} for the action's own
 */
public record StepLabel(AuditAction action, String name) {

    public static StepLabel of(AuditAction action) {
        return new StepLabel(action, null);
    }
}
