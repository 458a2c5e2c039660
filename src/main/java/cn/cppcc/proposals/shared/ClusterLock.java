package cn.cppcc.proposals.shared;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled work that one node of a cluster does at a time (table cluster_locks, one row per
 * lock, made by the migrations): the node that moves the lock's {@code locked_until} past now runs
 * it; the others skip this round. The lock is held for a fixed time, not released, so that a node
 * that runs the work a second later does not run it again.
 */
@Component
public class ClusterLock {

    private final JdbcClient jdbc;
    private final ClusterNode node;
    private final TransactionTemplate own;

    ClusterLock(JdbcClient jdbc, ClusterNode node, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.node = node;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes the lock {@code name} for {@code hold}, if no node holds it now (by this node's clock:
     * the nodes' clocks are kept in step, as for the engine's job locks).
     *
     * @return whether this node runs the work
     */
    public boolean take(String name, Duration hold) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(hold);
        Integer moved = own.execute(status -> jdbc.sql(
                        "update cluster_locks set locked_until = ?, locked_by = ? where name = ? and locked_until < ?")
                .params(until, node.name(), name, now).update());
        if (moved == null || moved == 0 && !exists(name)) {
            throw new IllegalStateException("No cluster lock " + name + " (the migrations make each one)");
        }
        return moved == 1;
    }

    private boolean exists(String name) {
        return jdbc.sql("select count(*) from cluster_locks where name = ?").param(name).query(Long.class).single() > 0;
    }

    /** Runs {@code work} if this node takes the lock. */
    public boolean runOnce(String name, Duration hold, Runnable work) {
        if (!take(name, hold)) {
            return false;
        }
        work.run();
        return true;
    }
}
