package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/**
 * The engine did what the audit trail records: one of the system's own steps (a service task:
 * registration, reminders, escalations, silence as acceptance, NO_RESPONSE…) ended, or an
 * operator's change was written to the engine's user operation log (users, groups,
 * authorizations, variables, jobs, suspensions, modifications from Cockpit, Admin or the REST API).
 */
public record EngineRecorded(AuditNote auditNote) implements AuditedEvent {
}
