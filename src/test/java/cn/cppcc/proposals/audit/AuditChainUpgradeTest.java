package cn.cppcc.proposals.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An installation whose trail began before the key (migration V23): its records keep their plain
 * SHA-256 hashes and still verify, the records after them are keyed, and neither kind can be
 * changed and re-hashed without the key unseen, not even by passing a later record off as a plain one.
 */
class AuditChainUpgradeTest {

    static final int PLAIN = 3;

    JdbcTemplate jdbc;
    AuditChain chain;
    TransactionTemplate transaction;

    @BeforeEach
    void trailFromBeforeTheKey() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        jdbc = new JdbcTemplate(h2);
        flyway(h2, MigrationVersion.fromVersion("22")).migrate();
        // the chain as the application wrote it before V23: plain SHA-256
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= PLAIN; seq++) {
            AuditRecord r = record(seq, prev, "记录" + seq);
            prev = AuditHash.plain(r);
            insert(r, prev);
        }
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", PLAIN, prev);

        flyway(h2, MigrationVersion.LATEST).migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(h2);
        chain = new AuditChain(jdbc, transactions, new AuditKey("cd".repeat(32)));
        transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> chain.append(List.of(record(0, null, "记录4"), record(0, null, "记录5"))));
    }

    @Test
    void theRecordsFromBeforeTheKeyVerifyAndTheNewOnesAreKeyed() {
        AuditChain.Verification verified = chain.verify();
        assertThat(verified.ok()).as("%s", verified).isTrue();
        assertThat(verified.checked()).isEqualTo(PLAIN + 2);
        assertThat(verified.plainUntilSeq()).isEqualTo(PLAIN);
        List<AuditRecord> records = records();
        assertThat(records.get(PLAIN - 1).hash()).isEqualTo(AuditHash.plain(records.get(PLAIN - 1)));
        assertThat(records.get(PLAIN).prevHash()).isEqualTo(records.get(PLAIN - 1).hash());
        assertThat(records.get(PLAIN).hash()).isNotEqualTo(AuditHash.plain(records.get(PLAIN)));
    }

    @Test
    void aPlainRecordChangedAndReHashedIsFoundWhereTheKeyedOnesBegin() {
        // a forger re-hashes the plain records after the change; the first keyed record names the old hash
        rewrite(2, PLAIN, AuditHash::plain);
        assertThat(chain.verify().firstBrokenSeq()).isEqualTo(PLAIN + 1);
    }

    @Test
    void aKeyedRecordReHashedAsAPlainOneIsFoundAtThatRecord() {
        rewrite(PLAIN + 1, PLAIN + 2, AuditHash::plain);
        assertThat(chain.verify().firstBrokenSeq()).isEqualTo(PLAIN + 1);
    }

    @Test
    void aNewInstallationHasNoPlainRecords() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-new-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        flyway(h2, MigrationVersion.LATEST).migrate();
        assertThat(new JdbcTemplate(h2).queryForObject("select plain_until_seq from audit_chain_head", Long.class)).isZero();
    }

    /** Changes record {@code from} and re-hashes it and the records up to {@code to} with {@code hash}; the head follows. */
    private void rewrite(long from, long to, Function<AuditRecord, String> hash) {
        List<AuditRecord> records = records();
        String prev = records.get((int) from - 1).prevHash();
        for (long seq = from; seq <= to; seq++) {
            AuditRecord r = records.get((int) seq - 1);
            AuditRecord changed = new AuditRecord(r.seq(), r.at(), r.actor(), r.actorRoles(), r.action(), r.actionName(),
                    r.proposalId(), r.unitCode(), r.subject(), r.clientIp(), seq == from ? r.detail() + "（改）" : r.detail(),
                    prev, null);
            prev = hash.apply(changed);
            jdbc.update("update audit_events set detail = ?, prev_hash = ?, hash = ? where seq = ?", changed.detail(),
                    changed.prevHash(), prev, seq);
        }
        if (to == records.size()) {
            jdbc.update("update audit_chain_head set last_hash = ? where id = 1", prev);
        }
    }

    private List<AuditRecord> records() {
        return new ArrayList<>(jdbc.query("select " + AuditChain.COLUMNS + " from audit_events order by seq",
                (rs, n) -> AuditChain.read(rs)));
    }

    private static AuditRecord record(long seq, String prev, String detail) {
        return new AuditRecord(seq, Instant.parse("2026-03-01T01:02:03.456Z").plusSeconds(seq), "office1",
                "proposal-office", "SETTINGS_CHANGED", "设置变更", null, null, "Settings", "127.0.0.1", detail, prev, null);
    }

    private void insert(AuditRecord r, String hash) {
        jdbc.update("insert into audit_events (" + AuditChain.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.seq(), OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC), r.actor(), r.actorRoles(), r.action(),
                r.actionName(), r.proposalId(), r.unitCode(), r.subject(), r.clientIp(), r.detail(), r.prevHash(), hash);
    }

    private static Flyway flyway(JdbcDataSource h2, MigrationVersion target) {
        return Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target(target).load();
    }
}
