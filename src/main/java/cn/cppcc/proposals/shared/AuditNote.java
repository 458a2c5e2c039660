package cn.cppcc.proposals.shared;

import java.util.List;
import java.util.Map;

/**
 * What the audit trail records of an event (DOMAIN.md "Audit"), said by the module where it
 * happened: the trail subscribes to {@link AuditedEvent}s and knows no module.
 *
 * @param action     what kind of action, never {@code null}
 * @param name       its Chinese name with the decision taken, e.g. 审查立案：立案
 * @param proposalId the proposal it concerns, or {@code null}
 * @param unitCode   the unit it concerns, or {@code null}
 * @param subject    what was changed when it is not a proposal (User:edu1, Calendar:2026, task:…), or {@code null}
 * @param detail     plain text of what was decided or changed, or {@code null}
 * @param fields     the fields given (a form's), which the trail lists as 标签：值 after the detail
 * @param actor      who acted when it is not the current user (an engine operation names its user), or {@code null}
 * @param groups     that actor's groups
 */
public record AuditNote(AuditAction action, String name, Long proposalId, String unitCode, String subject,
                        String detail, Map<String, Object> fields, String actor, List<String> groups) {

    /** The actor of what no person did: timers, jobs, the application itself. */
    public static final String SYSTEM = "system";

    public AuditNote {
        name = name == null ? action.label() : name;
        fields = fields == null ? Map.of() : fields;
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** An action under its own name, by the current user (or the system). */
    public static AuditNote of(AuditAction action, Long proposalId, String unitCode, String subject, String detail) {
        return new AuditNote(action, null, proposalId, unitCode, subject, detail, null, null, null);
    }

    /** The same under another name, e.g. with the decision taken. */
    public AuditNote named(String name) {
        return new AuditNote(action, name, proposalId, unitCode, subject, detail, fields, actor, groups);
    }

    /** The same with the fields given. */
    public AuditNote withFields(Map<String, Object> fields) {
        return new AuditNote(action, name, proposalId, unitCode, subject, detail, fields, actor, groups);
    }

    /** The same, done by the named user rather than the current one. */
    public AuditNote by(String actor, List<String> groups) {
        return new AuditNote(action, name, proposalId, unitCode, subject, detail, fields, actor, groups);
    }
}
