package cn.cppcc.proposals.shared;

/**
 * A past-tense event the audit trail records, published in the transaction of the change (the
 * trail appends its records when that transaction commits, so a change rolled back leaves none).
 */
public interface AuditedEvent {

    /** What the trail records of it; {@code null} when another record already says it. */
    AuditNote auditNote();
}
