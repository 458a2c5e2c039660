package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.ProposalClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counters of failed logins in the database (table login_failures), so that every node of a
 * cluster counts the same failures and a restart does not end a block. An address alone is stored
 * with the user name {@code ''} (the throttle never counts an empty user name as one). Counters forgotten by the throttle's rules are deleted every
 * hour: a flood of made-up names cannot grow the table beyond what an address may try before it
 * is blocked itself.
 */
@Component
class JdbcLoginAttempts implements LoginAttempts {

    private static final String ADDRESS_ONLY = "";

    private final JdbcClient jdbc;
    private final LoginSettings settings;
    private final ProposalClock clock;
    /** A failure counts even when the request that made it fails afterwards. */
    private final TransactionTemplate own;

    JdbcLoginAttempts(JdbcClient jdbc, LoginSettings settings, PlatformTransactionManager transactions,
            ProposalClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.settings = settings;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<Failures> find(Key key) {
        return jdbc.sql("select failures, last_failure, blocked_until from login_failures where address = ? and user_name = ?")
                .params(key.address(), userName(key)).query(JdbcLoginAttempts::failures).optional();
    }

    @Override
    public Failures update(Key key, UnaryOperator<Failures> change) {
        try {
            return own.execute(status -> change(key, change));
        } catch (DuplicateKeyException firstFailureFromTwoNodesAtOnce) {
            // the other one inserted the row first: count on it
            return own.execute(status -> change(key, change));
        }
    }

    private Failures change(Key key, UnaryOperator<Failures> change) {
        Failures current = jdbc.sql("select failures, last_failure, blocked_until from login_failures"
                        + " where address = ? and user_name = ? for update")
                .params(key.address(), userName(key)).query(JdbcLoginAttempts::failures).optional().orElse(null);
        Failures next = change.apply(current);
        if (next == null) {
            delete(key);
        } else if (current == null) {
            jdbc.sql("insert into login_failures (address, user_name, failures, last_failure, blocked_until) values (?, ?, ?, ?, ?)")
                    .params(key.address(), userName(key), next.count(), utc(next.last()), utc(next.blockedUntil())).update();
        } else {
            jdbc.sql("update login_failures set failures = ?, last_failure = ?, blocked_until = ? where address = ? and user_name = ?")
                    .params(next.count(), utc(next.last()), utc(next.blockedUntil()), key.address(), userName(key)).update();
        }
        return next;
    }

    /** Every successful login: no read, no row lock. */
    @Override
    public void forget(Key key) {
        own.executeWithoutResult(status -> delete(key));
    }

    private void delete(Key key) {
        jdbc.sql("delete from login_failures where address = ? and user_name = ?").params(key.address(), userName(key)).update();
    }

    @Override
    public void forgetUser(String user) {
        own.executeWithoutResult(status -> jdbc.sql("delete from login_failures where user_name = ?").param(user).update());
    }

    @Override
    public void clear() {
        own.executeWithoutResult(status -> jdbc.sql("delete from login_failures").update());
    }

    /** Deletes the counters the throttle no longer counts: quiet for longer than forget-after and not blocked. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteForgotten() {
        forgetOlderThan(clock.now().minus(settings.forgetAfter()));
    }

    int forgetOlderThan(Instant quietSince) {
        OffsetDateTime since = utc(quietSince);
        return own.execute(status -> jdbc.sql("delete from login_failures where last_failure < ?"
                + " and (blocked_until is null or blocked_until < ?)").params(since, since).update());
    }

    private static String userName(Key key) {
        return key.user() == null ? ADDRESS_ONLY : key.user();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Failures failures(ResultSet rs, int row) throws SQLException {
        OffsetDateTime blocked = rs.getObject("blocked_until", OffsetDateTime.class);
        return new Failures(rs.getInt("failures"), rs.getObject("last_failure", OffsetDateTime.class).toInstant(),
                blocked == null ? null : blocked.toInstant());
    }
}
