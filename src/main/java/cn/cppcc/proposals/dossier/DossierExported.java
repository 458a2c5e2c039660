package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/** A proposal's dossier was exported as a PDF for the archive. */
public record DossierExported(long proposalId) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(AuditAction.DOSSIER_EXPORTED, proposalId, null, null, "提案档案PDF");
    }
}
