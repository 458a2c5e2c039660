package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/** Rule 7: the office corrected the class of a unit's sent reply, with a reason. */
public record ReplyClassCorrected(long proposalId, String unitCode, String unitName, String from, String to, String reason)
        implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(AuditAction.REPLY_CLASS_CORRECTED, proposalId, unitCode, null, "承办单位：" + unitName + "；原因：" + reason)
                .named("更正答复类别：" + from + "类改为" + to + "类");
    }
}
