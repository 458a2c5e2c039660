package cn.cppcc.proposals.audit;

import java.time.Instant;
import javax.crypto.Mac;

/**
 * One audit record as stored in {@code audit_events}. {@code seq}, {@code prevHash} and
 * {@code hash} are given when it is appended to the chain (0 and {@code null} before).
 */
public record AuditRecord(long seq, Instant at, String actor, String actorRoles, String action, String actionName,
                   Long proposalId, String unitCode, String subject, String clientIp, String detail,
                   String prevHash, String hash) {

    /** This record as the chain's next one after {@code prevHash}, hashed with the key. */
    AuditRecord chained(long seq, String prevHash, Mac mac) {
        AuditRecord linked = new AuditRecord(seq, at, actor, actorRoles, action, actionName, proposalId, unitCode,
                subject, clientIp, detail, prevHash, null);
        return new AuditRecord(seq, at, actor, actorRoles, action, actionName, proposalId, unitCode, subject,
                clientIp, detail, prevHash, AuditHash.keyed(linked, mac));
    }
}
