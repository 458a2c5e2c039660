package cn.cppcc.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.DatabaseDown;
import cn.cppcc.proposals.shared.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** What the engine's REST API answers for each kind of failure, as Camunda's resources throw them. */
class EngineRestErrorsTest {

    /**
     * The answer to a request that is not about one task: for one task, the engine (when this JVM has
     * one, as other tests start) is asked whether the task is still open (EngineRestErrorsIntegrationTest).
     */
    static Response answer(Throwable failure) {
        return EngineRestErrors.answer(failure, "POST", "/engine-rest/process-definition/key/p/submit-form");
    }

    @Test
    void aStepsRefusalInsideTheEnginesWrappersIs400WithTheStepsMessage() {
        var refusal = new InvalidInputException("category", "必须填写");
        var listener = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener", refusal);
        Response response = answer(new RestException(Status.INTERNAL_SERVER_ERROR, listener, "Cannot submit task form t1"));

        assertThat(response.getStatus()).isEqualTo(400);
        Map<?, ?> body = (Map<?, ?>) response.getEntity();
        assertThat(body.get("type")).isEqualTo("InvalidInputException");
        assertThat(body.get("message")).isEqualTo(refusal.getMessage());
        assertThat(body.get("errors")).isEqualTo(refusal.errors());
    }

    @Test
    void racesAndClosedStepsAre409() {
        for (Throwable race : new Throwable[] {new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"),
                new ProcessEngineException("wrapped", new ObjectOptimisticLockingFailureException("Proposal", 1L))}) {
            Response response = answer(race);
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo(ClientError.RACE_DETAIL);
        }
        assertThat(((Map<?, ?>) answer(new ConflictException("该步骤已办理")).getEntity()).get("message")).isEqualTo("该步骤已办理");
    }

    @Test
    void camundasOwnClientErrorsKeepTheirStatusAlsoInsideA500Wrapper() {
        assertThat(answer(new BadUserRequestException("bad")).getStatus()).isEqualTo(400);

        var unknownTask = new NullValueException("Cannot find task with id t1: task is null");
        Response response = answer(new RestException(Status.INTERNAL_SERVER_ERROR, unknownTask, "Cannot submit task form t1"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((ExceptionDto) response.getEntity()).getMessage()).isEqualTo(unknownTask.getMessage());
    }

    @Test
    void aDatabaseThatIsDownIs503WithRetryAfter() {
        var refused = new org.postgresql.util.PSQLException("Connection to db:5432 refused",
                org.postgresql.util.PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        Response response = answer(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                new org.apache.ibatis.exceptions.PersistenceException("### Error querying database", refused)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
        Map<?, ?> body = (Map<?, ?>) response.getEntity();
        assertThat(body.get("type")).isEqualTo("ServiceUnavailable");
        assertThat(body.get("message")).isEqualTo(DatabaseDown.DETAIL);
    }

    @Test
    void aServerFaultIs500WithoutItsInternals() {
        Response response = answer(new IllegalStateException("connection to jdbc:postgresql://db/secret refused"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity().toString()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }
}
