package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import cn.cppcc.proposals.shared.ProposalClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The audit trail as a listener: every {@link AuditedEvent} any module publishes is recorded, in
 * the transaction of its change (appended when it commits). The trail knows no module; each event
 * says what it records.
 */
@Component
class AuditedEvents {

    private final AuditTrail trail;
    private final ProposalClock clock;

    AuditedEvents(AuditTrail trail, ProposalClock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @EventListener
    void on(AuditedEvent event) {
        AuditNote note = event.auditNote();
        if (note == null) {
            return;
        }
        String fields = AuditDetails.of(note.fields(), clock.zone());
        String detail = note.detail() == null || note.detail().isEmpty() ? fields
                : fields.isEmpty() ? note.detail() : note.detail() + "；" + fields;
        if (note.actor() != null) {
            trail.recordAs(note.actor(), note.groups(), note.action(), note.name(), note.proposalId(), note.unitCode(),
                    note.subject(), detail.isEmpty() ? null : detail);
        } else {
            trail.record(note.action(), note.name(), note.proposalId(), note.unitCode(), note.subject(),
                    detail.isEmpty() ? null : detail);
        }
    }
}
