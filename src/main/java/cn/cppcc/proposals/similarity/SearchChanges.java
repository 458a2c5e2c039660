package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.proposal.ProposalChanged;
import cn.cppcc.proposals.unithandling.ReplySent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The search index's change log (table search_changes): a change of a proposal or a sent reply
 * appends the proposal's id in the change's own transaction, once per transaction; every node
 * reads what it has not applied yet and updates its own index ({@link SimilarityIndexer}). So a
 * change is in every node's index once committed, and no request waits for an index update.
 */
@Component
class SearchChanges {

    record Change(long seq, long proposalId) {}

    private final JdbcClient jdbc;

    SearchChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ProposalChanged event) {
        record(event.proposalId());
    }

    /** The reply's text becomes searchable with its proposal. */
    @EventListener
    void on(ReplySent event) {
        record(event.proposalId());
    }

    private void record(long proposalId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(Set.of(proposalId));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> changed = (Set<Long>) TransactionSynchronizationManager.getResource(this);
        if (changed == null) {
            Set<Long> ids = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    insert(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SearchChanges.this);
                }
            });
            changed = ids;
        }
        changed.add(proposalId);
    }

    private void insert(Set<Long> proposalIds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (long id : proposalIds) {
            jdbc.sql("insert into search_changes (proposal_id, changed_at) values (?, ?)").params(id, now).update();
        }
    }

    /** The changes after {@code seq}, oldest first, at most {@code limit}. */
    List<Change> after(long seq, int limit) {
        return jdbc.sql("select seq, proposal_id from search_changes where seq > ? order by seq fetch first ? rows only")
                .params(seq, limit).query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2))).list();
    }

    /** The last change older than {@code window}: every change up to it is committed or rolled back. */
    long settledBefore(Duration window) {
        return jdbc.sql("select max(seq) from search_changes where changed_at < ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minus(window)).query(Long.class).optional().orElse(0L);
    }

    /** Deletes the changes older than {@code before}: every node applied them long ago, or rebuilt. */
    int deleteOlderThan(Instant before) {
        return jdbc.sql("delete from search_changes where changed_at < ?")
                .param(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).update();
    }
}
