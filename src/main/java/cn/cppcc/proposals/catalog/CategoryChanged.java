package cn.cppcc.proposals.catalog;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/** An admin created a category or switched one on or off. */
public record CategoryChanged(String name, boolean active, boolean created) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return created ? AuditNote.of(AuditAction.CATEGORY_CREATED, null, null, "Category:" + name, "名称：" + name)
                : AuditNote.of(AuditAction.CATEGORY_UPDATED, null, null, "Category:" + name, "启用：" + (active ? "是" : "否"));
    }
}
