package cn.cppcc.proposals.attachment;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/** A file was attached to a proposal. */
public record AttachmentAdded(long attachmentId, long proposalId, String name, String contentType, int size,
                              String sha256) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(AuditAction.ATTACHMENT_ADDED, proposalId, null, "attachment:" + attachmentId,
                "文件：" + name + "；类型：" + contentType + "；大小：" + size + "字节；SHA-256：" + sha256);
    }
}
