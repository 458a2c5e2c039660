package cn.cppcc.proposals.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where {@link LoginThrottle} keeps its counters of failed logins, one per key. The throttle decides;
 * a store only keeps. {@link JdbcLoginAttempts} keeps them in the database, shared by every node.
 */
public interface LoginAttempts {

    /** A client address alone ({@code user} is {@code null}), or an address and a user name. */
    record Key(String address, String user) {}

    /**
     * @param count        failures in a row under the key
     * @param last         the last failure
     * @param blockedUntil no password is checked for the key before then; {@code null} when not blocked
     */
    record Failures(int count, Instant last, Instant blockedUntil) {}

    Optional<Failures> find(Key key);

    /**
     * Changes the failures under a key in one step, safe against concurrent logins: {@code change}
     * gets the current ones ({@code null} when none) and returns the new ones, or {@code null} to
     * forget the key. Returns what it stored.
     */
    Failures update(Key key, UnaryOperator<Failures> change);

    /** Forgets one key. */
    void forget(Key key);

    /** Forgets every key of a user name, from every address. */
    void forgetUser(String user);

    /** Forgets everything. */
    void clear();
}
