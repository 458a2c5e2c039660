package cn.cppcc.proposals.catalog;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import java.time.LocalDate;

/** An admin created a session 届次 of the committee. */
public record SessionCreated(String code, String name, int year, LocalDate plenaryOpens, LocalDate submissionDeadline,
                             boolean current) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(AuditAction.SESSION_CREATED, null, null, "Session:" + code, "代码：" + code + "；名称：" + name
                + "；年份：" + year + "；大会开幕：" + plenaryOpens + "；提交截止：" + submissionDeadline
                + "；当前届次：" + (current ? "是" : "否"));
    }
}
