package cn.cppcc.proposals.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * The hash of an audit record: HMAC-SHA256 with the chain's key (AuditKey) over its canonical
 * serialisation, which ends with the previous record's hash; records chained before the key
 * existed (up to {@code audit_chain_head.plain_until_seq}) have the plain SHA-256 of the same
 * serialisation. The serialisation is, in UTF-8, the line {@code audit-v1} and then each
 * field in this order as {@code <length in UTF-8 bytes>:<value>} and a line feed, or {@code -} and a
 * line feed for a missing value: seq, time (UTC, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}), actor,
 * roles, action, action name, proposal id, unit, subject, client address, detail, previous hash.
 * The first record's previous hash is 64 zeros. Lengths make the encoding unambiguous whatever the
 * values hold.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    /** The hash of records chained since the key: HMAC-SHA256 with it, lower-case hex. */
    static String keyed(AuditRecord r, Mac mac) {
        return HexFormat.of().formatHex(mac.doFinal(canonical(r).getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash of records chained before the key (migration V23): plain SHA-256, lower-case hex. */
    static String plain(AuditRecord r) {
        return hex(canonical(r));
    }

    static String canonical(AuditRecord r) {
        StringBuilder out = new StringBuilder("audit-v1\n");
        field(out, String.valueOf(r.seq()));
        field(out, TIME.format(r.at()));
        field(out, r.actor());
        field(out, r.actorRoles());
        field(out, r.action());
        field(out, r.actionName());
        field(out, r.proposalId() == null ? null : String.valueOf(r.proposalId()));
        field(out, r.unitCode());
        field(out, r.subject());
        field(out, r.clientIp());
        field(out, r.detail());
        field(out, r.prevHash());
        return out.toString();
    }

    /** The stored time: milliseconds, which both databases keep exactly. */
    static Instant truncate(Instant at) {
        return Instant.ofEpochMilli(at.toEpochMilli());
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-\n");
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
    }

    /** Plain SHA-256 of a text, lower-case hex. */
    static String hex(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
