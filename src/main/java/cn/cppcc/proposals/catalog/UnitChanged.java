package cn.cppcc.proposals.catalog;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/** An admin created or changed a handling unit. */
public record UnitChanged(String code, String name, boolean active, boolean created) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return created
                ? AuditNote.of(AuditAction.UNIT_CREATED, null, code, "Unit:" + code, "代码：" + code + "；名称：" + name)
                : AuditNote.of(AuditAction.UNIT_UPDATED, null, code, "Unit:" + code,
                        "名称：" + name + "；启用：" + (active ? "是" : "否"));
    }
}
