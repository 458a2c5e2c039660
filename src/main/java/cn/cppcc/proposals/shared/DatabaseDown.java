package cn.cppcc.proposals.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the database cannot be reached for now: refused or lost
 * connections, a pool that timed out waiting for one, a server shutting down. Such a failure is no
 * bug and no client's mistake: every door answers 503 with {@code Retry-After} (API.md "Errors"),
 * the API and the engine's REST APIs in their JSON, the pages with a page. Found also where it is
 * wrapped, as the engine wraps what MyBatis got from the driver (ProcessEngineException, then
 * PersistenceException, then the SQLException). Next to {@link ClientError}, which tells what a
 * client did wrong; a database that is down is checked first, since nothing else can be judged then.
 */
public final class DatabaseDown {

    /** How long a client is asked to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;
    public static final String TITLE = "服务暂不可用";
    public static final String DETAIL = "数据库暂时无法连接，请稍后再试";

    /**
     * PostgreSQL's SQLStates, besides class 08 (connection exception), of a server that refuses work
     * for now: shut down by an administrator, crashed, starting up, out of connection slots.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseDown() {
    }

    /** Whether {@code failure} or one of its causes says that the database cannot be reached. */
    public static boolean in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (unreachable(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable t) {
        // Spring's translations (CannotGetJdbcConnectionException is a DataAccessResourceFailureException),
        // a transaction that could not get its connection, and the JDBC types of a connection that failed
        // (Hikari's pool timeout is an SQLTransientConnectionException)
        if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // Hikari's stand-in for a connection it evicted after the server failed it: the rollback of
        // a transaction whose connection died with the server fails with this, hiding the first failure
        return t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage());
    }
}
