package cn.cppcc.proposals.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/** The API's answer to a database that is down, whichever handler method the failure reaches. */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler();
    final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/proposals/1/review");

    @Test
    void aDatabaseThatIsDownIs503WithRetryAfter() throws Exception {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        for (ResponseEntity<Object> answer : java.util.List.of(
                handler.unexpected(new CannotCreateTransactionException("Could not open JDBC Connection", poolTimeout), request),
                handler.known(new ProcessEngineException("ENGINE-03004", poolTimeout), request))) {
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            ProblemDetail body = (ProblemDetail) answer.getBody();
            assertThat(body.getTitle()).isEqualTo(DatabaseDown.TITLE);
            assertThat(body.getDetail()).isEqualTo(DatabaseDown.DETAIL);
        }
    }

    /** Issue 14: a download broken off by the client (here a static file) is no bug: no answer, no ERROR. */
    @Test
    void aClientThatWentAwayIsNoBug(CapturedOutput output) throws Exception {
        MockHttpServletRequest download = new MockHttpServletRequest("GET", "/assets/app.js");
        assertThat(handler.unexpected(new java.io.IOException("Broken pipe"), download)).isNull();
        assertThat(handler.unexpected(new java.io.IOException("Connection reset by peer"), download)).isNull();
        assertThat(output).doesNotContain("Unexpected failure");
        // anything else still is
        assertThat(handler.unexpected(new java.io.IOException("Disk full"), download).getStatusCode().value()).isEqualTo(500);
        assertThat(output).contains("Unexpected failure on GET /assets/app.js");
    }

    @Test
    void aClientsMistakeAndABugAreAnsweredAsBefore() throws Exception {
        assertThat(handler.known(new InvalidInputException("title", "必须填写"), request).getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Object> bug = handler.unexpected(new IllegalStateException("connection refused"), request);
        assertThat(bug.getStatusCode().value()).isEqualTo(500);
        assertThat(bug.getHeaders().getFirst("Retry-After")).isNull();
    }
}
