package cn.cppcc.proposals.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the trail: a page of a search, newest first, and the whole of a search for an export.
 * Every filter has an index (V20) that also gives the order, so a page reads only its rows; the
 * total is counted exactly up to {@link #COUNT_CAP} and said to be more beyond.
 */
@Component
class AuditEvents {

    static final int COUNT_CAP = 100_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    AuditEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    /** What to look for; {@code null} means any. {@code to} is exclusive. */
    record Filter(Instant from, Instant to, String actor, Long proposalId, String unitCode, String action) {

        String where(List<Object> params) {
            StringBuilder sql = new StringBuilder(" where 1 = 1");
            if (from != null) {
                sql.append(" and occurred_at >= ?");
                params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            }
            if (to != null) {
                sql.append(" and occurred_at < ?");
                params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            }
            if (actor != null) {
                sql.append(" and actor = ?");
                params.add(actor);
            }
            if (proposalId != null) {
                sql.append(" and proposal_id = ?");
                params.add(proposalId);
            }
            if (unitCode != null) {
                sql.append(" and unit_code = ?");
                params.add(unitCode);
            }
            if (action != null) {
                sql.append(" and action = ?");
                params.add(action);
            }
            return sql.toString();
        }
    }

    record Page(List<AuditRecord> items, long total, boolean totalCapped) {}

    Page search(Filter filter, int offset, int size) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(offset);
        pageParams.add(size);
        List<AuditRecord> items = jdbc.query("select " + AuditChain.COLUMNS + " from audit_events" + where
                + " order by occurred_at desc, seq desc offset ? rows fetch next ? rows only",
                (rs, n) -> AuditChain.read(rs), pageParams.toArray());
        long total = count(filter, COUNT_CAP + 1);
        return new Page(items, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /** How many records match, counting no further than {@code cap}. */
    long count(Filter filter, int cap) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        params.add(cap);
        Long count = jdbc.queryForObject("select count(*) from (select 1 from audit_events" + where
                + " fetch first ? rows only) matching", Long.class, params.toArray());
        return count == null ? 0 : count;
    }

    /** Every matching record, oldest first, handed over one by one (not held in memory). */
    void each(Filter filter, Consumer<AuditRecord> consumer) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        streaming.query("select " + AuditChain.COLUMNS + " from audit_events" + where + " order by occurred_at, seq",
                (RowCallbackHandler) rs -> consumer.accept(AuditChain.read(rs)), params.toArray());
    }

    /** A proposal's records, oldest first. */
    List<AuditRecord> ofProposal(long proposalId) {
        return jdbc.query("select " + AuditChain.COLUMNS + " from audit_events where proposal_id = ?"
                + " order by occurred_at, seq", (rs, n) -> AuditChain.read(rs), proposalId);
    }
}
