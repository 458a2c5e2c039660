package cn.cppcc.proposals.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.h2.jdbc.JdbcSQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean that the database is down, as the drivers, the pool, Spring and the engine throw them. */
class DatabaseDownTest {

    static final PSQLException REFUSED = new PSQLException(
            "Connection to db:5432 refused. Check that the hostname and port are correct", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=3)");

    @Test
    void springsTranslationsOfAConnectionThatCannotBeHad() {
        assertThat(DatabaseDown.in(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", REFUSED))).isTrue();
        assertThat(DatabaseDown.in(new DataAccessResourceFailureException("Unable to acquire JDBC Connection"))).isTrue();
        assertThat(DatabaseDown.in(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                POOL_TIMEOUT))).isTrue();
    }

    @Test
    void thePoolsTimeoutAndTheDriversConnectionFailures() {
        assertThat(DatabaseDown.in(POOL_TIMEOUT)).isTrue();
        assertThat(DatabaseDown.in(REFUSED)).isTrue();
        assertThat(DatabaseDown.in(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(DatabaseDown.in(new SQLException("connection closed", "08003"))).isTrue();
        // H2 closed (90121 is no 08 state, but a non-transient connection exception)
        assertThat(DatabaseDown.in(new JdbcSQLNonTransientConnectionException("Database is already closed", null,
                "90121", 90121, null, null))).isTrue();
    }

    @Test
    void aPostgresServerThatShutsDownOrIsFull() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            PSQLException server = new PSQLException(new ServerErrorMessage("SFATAL\0C" + state + "\0Mthe server says no\0"));
            assertThat(server.getSQLState()).isEqualTo(state);
            assertThat(DatabaseDown.in(server)).as(state).isTrue();
        }
    }

    @Test
    void foundInsideTheEnginesAndJpasWrappers() {
        var engine = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                new PersistenceException("### Error querying database", REFUSED));
        assertThat(DatabaseDown.in(engine)).isTrue();
        assertThat(DatabaseDown.in(new RuntimeException("step failed", new JpaSystemException(
                new RuntimeException("Unable to acquire JDBC Connection", POOL_TIMEOUT))))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionTheServerKilled() {
        // PostgreSQL stopped mid-transaction: Hikari evicts the connection, and the rollback fails on
        // its stand-in, which hides the first failure
        assertThat(DatabaseDown.in(new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"))))).isTrue();
        assertThat(DatabaseDown.in(new SQLException("Connection is closed", "XX000"))).isFalse();
    }

    @Test
    void notWhenTheDatabaseAnswered() {
        assertThat(DatabaseDown.in(new DuplicateKeyException("duplicate key"))).isFalse();
        assertThat(DatabaseDown.in(new DataIntegrityViolationException("not null", new SQLException("null", "23502")))).isFalse();
        assertThat(DatabaseDown.in(new BadSqlGrammarException("select", "selct 1", new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseDown.in(new CannotAcquireLockException("lock timeout", new SQLException("timeout", "HYT00")))).isFalse();
        assertThat(DatabaseDown.in(new ProcessEngineException("ENGINE-03051 TaskListener",
                new InvalidInputException("title", "必须填写")))).isFalse();
        assertThat(DatabaseDown.in(new OptimisticLockingException("ENGINE-03005"))).isFalse();
        assertThat(DatabaseDown.in(new SQLException("no state"))).isFalse();
        assertThat(DatabaseDown.in(new IllegalStateException("connection refused"))).isFalse();
        assertThat(DatabaseDown.in(null)).isFalse();
    }
}
