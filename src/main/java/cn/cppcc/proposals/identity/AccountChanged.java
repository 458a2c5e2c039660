package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/**
 * A user's account was disabled, enabled, removed or (in an emergency) reset. Changes through the
 * engine's identity service are recorded from its own operation log besides.
 *
 * @param name the Chinese name of what was done, or {@code null} for the action's own
 */
public record AccountChanged(AuditAction action, String name, String userId, String detail) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return AuditNote.of(action, null, null, "User:" + userId, detail).named(name);
    }
}
