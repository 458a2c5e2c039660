package cn.cppcc.proposals.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain in the database: appends in the caller's transaction and verification. The one row
 * of {@code audit_chain_head} is locked ({@code select ... for update}) by each appending
 * transaction until it commits: appenders queue there, so seq is gap-free and strictly increasing
 * and every record links to the one committed before it, on H2 and PostgreSQL alike. The lock is
 * taken as the transaction commits (AuditTrail), after every other lock it holds, so it adds a short
 * wait but no deadlock.
 * <p>
 * Records are hashed with the key (AuditKey). Those appended before the key existed keep their
 * plain SHA-256: migration V23 wrote the last of them into {@code audit_chain_head.plain_until_seq},
 * which the application's database user cannot change (PostgreSQL: R__application_user), and
 * verification accepts plain hashes up to there only, so a record after it that was changed and
 * re-hashed without the key shows as broken.
 */
@Component
public class AuditChain {

    static final String COLUMNS = "seq, occurred_at, actor, actor_roles, action, action_name, proposal_id, unit_code,"
            + " subject, client_ip, detail, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final AuditKey key;
    private final ApplicationEventPublisher events;

    @Autowired
    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditKey key,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.key = key;
        this.events = events;
        // PostgreSQL streams a result in a read-only transaction with a fetch size, instead of loading it whole
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Without telling anyone of its verifications: the benchmark and the tests that build a chain of their own. */
    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditKey key) {
        this(jdbc, transactions, key, event -> { });
    }

    /** The last record's seq and hash; the records up to {@code plainUntil} have plain SHA-256 hashes. */
    record Head(long seq, String hash, long plainUntil) {}

    private Head head(String lock) {
        return jdbc.queryForObject("select last_seq, last_hash, plain_until_seq from audit_chain_head where id = 1" + lock,
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    /** Appends the records in order, in the caller's transaction; returns them as stored. */
    List<AuditRecord> append(List<AuditRecord> records) {
        Head head = head(" for update");
        long seq = head.seq();
        String prev = head.hash();
        Mac mac = key.mac();
        List<AuditRecord> chained = new ArrayList<>(records.size());
        for (AuditRecord record : records) {
            AuditRecord linked = record.chained(++seq, prev, mac);
            chained.add(linked);
            prev = linked.hash();
        }
        jdbc.batchUpdate("insert into audit_events (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chained, chained.size(), (ps, r) -> {
                    ps.setLong(1, r.seq());
                    ps.setObject(2, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
                    ps.setString(3, r.actor());
                    ps.setString(4, r.actorRoles());
                    ps.setString(5, r.action());
                    ps.setString(6, r.actionName());
                    if (r.proposalId() == null) {
                        ps.setNull(7, Types.BIGINT);
                    } else {
                        ps.setLong(7, r.proposalId());
                    }
                    ps.setString(8, r.unitCode());
                    ps.setString(9, r.subject());
                    ps.setString(10, r.clientIp());
                    ps.setString(11, r.detail());
                    ps.setString(12, r.prevHash());
                    ps.setString(13, r.hash());
                });
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
        return chained;
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        long proposal = rs.getLong(7);
        Long proposalId = rs.wasNull() ? null : proposal;
        return new AuditRecord(rs.getLong(1), at.toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), proposalId, rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13));
    }

    /**
     * Recomputes the chain up to the head as it is now: each record's seq follows the one before,
     * its previous hash is that record's hash and its own hash matches its fields (HMAC with the
     * key, plain SHA-256 up to {@code plain_until_seq}); the last one is the head. Appends meanwhile
     * are not checked (they are after the head read first). Whoever asked (the nightly run, an
     * auditor), the outcome is published as {@link AuditChainVerified}.
     */
    Verification verify() {
        Verification verification = readOnly.execute(status -> {
            Head head = head("");
            Walk walk = new Walk(key.mac(), head.plainUntil());
            streaming.query("select " + COLUMNS + " from audit_events where seq <= ? order by seq",
                    (RowCallbackHandler) rs -> walk.check(read(rs)), head.seq());
            if (walk.broken == null && (walk.lastSeq != head.seq() || !walk.lastHash.equals(head.hash()))) {
                // the last records were deleted, or the head was changed
                walk.broken = walk.lastSeq + 1;
            }
            return new Verification(walk.broken == null, walk.checked, walk.broken, head.seq(), head.hash(),
                    head.plainUntil());
        });
        events.publishEvent(new AuditChainVerified(verification.ok(), verification.checked(), verification.firstBrokenSeq()));
        return verification;
    }

    /**
     * The outcome of a verification; {@code firstBrokenSeq} only when broken. {@code plainUntilSeq}:
     * the records up to it were chained with plain SHA-256 before the key existed (0: none).
     */
    public record Verification(boolean ok, long checked, Long firstBrokenSeq, long lastSeq, String lastHash,
                               long plainUntilSeq) {}

    private static final class Walk {
        final Mac mac;
        final long plainUntil;
        long checked;
        long lastSeq;
        String lastHash = AuditHash.GENESIS;
        Long broken;

        Walk(Mac mac, long plainUntil) {
            this.mac = mac;
            this.plainUntil = plainUntil;
        }

        void check(AuditRecord r) {
            if (broken != null) {
                return;
            }
            checked++;
            if (r.seq() != lastSeq + 1) {
                broken = lastSeq + 1;   // a record is missing
            } else if (!r.prevHash().equals(lastHash) || !expected(r).equals(r.hash())) {
                broken = r.seq();
            }
            lastSeq = r.seq();
            lastHash = r.hash();
        }

        private String expected(AuditRecord r) {
            return r.seq() <= plainUntil ? AuditHash.plain(r) : AuditHash.keyed(r, mac);
        }
    }
}
