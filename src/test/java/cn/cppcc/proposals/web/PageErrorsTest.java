package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/** A page whose database is down: the error page with 503 and Retry-After, not a bug's 500. */
class PageErrorsTest {

    @Test
    void aDatabaseThatIsDownIs503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();
        String view = new PageErrors(null).error(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new MockHttpServletRequest("GET", "/proposals"), response, model);

        assertThat(view).isEqualTo("error-page");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(model.get("status")).isEqualTo(503);
    }
}
