package cn.cppcc.proposals.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The net for what fails before a handler runs: 503 with Retry-After, in each door's shape. */
class DatabaseDownFilterTest {

    final ObjectMapper json = new ObjectMapper();
    final DatabaseDownFilter filter = new DatabaseDownFilter(new ProblemWriter(json), json);

    static final FilterChain DOWN = (request, response) -> {
        throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
    };

    MockHttpServletResponse run(String path, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
        return response;
    }

    @Test
    void theApiAnswersAProblem() throws Exception {
        MockHttpServletResponse response = run("/api/proposals", DOWN);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.getContentAsByteArray());
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("title").asText()).isEqualTo(DatabaseDown.TITLE);
        assertThat(body.get("detail").asText()).isEqualTo(DatabaseDown.DETAIL);
    }

    @Test
    void theEngineRestApisAnswerInCamundasShape() throws Exception {
        for (String path : new String[] {"/engine-rest/task", "/camunda/api/engine/engine/default/task/count"}) {
            MockHttpServletResponse response = run(path, DOWN);
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("10");
            JsonNode body = json.readTree(response.getContentAsByteArray());
            assertThat(body.get("type").asText()).isEqualTo("ServiceUnavailable");
            assertThat(body.get("message").asText()).isEqualTo(DatabaseDown.DETAIL);
        }
    }

    @Test
    void thePagesAnswerAPage() throws Exception {
        MockHttpServletResponse response = run("/proposals", DOWN);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains(DatabaseDown.DETAIL).doesNotContain("<script");
    }

    @Test
    void anythingElsePassesOnUntouched() throws Exception {
        assertThatThrownBy(() -> run("/api/proposals", (request, response) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        MockHttpServletResponse fine = run("/api/proposals", (request, response) -> response.getWriter().write("ok"));
        assertThat(fine.getStatus()).isEqualTo(200);
        assertThat(fine.getContentAsString()).isEqualTo("ok");
    }

    @Test
    void anAnswerAlreadyUnderwayIsNotRewritten() {
        assertThatThrownBy(() -> run("/api/audit/events.csv", (request, response) -> {
            response.getOutputStream().write("seq,".getBytes());
            response.flushBuffer();
            DOWN.doFilter(request, response);
        })).isInstanceOf(CannotGetJdbcConnectionException.class);
    }
}
