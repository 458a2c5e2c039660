package cn.cppcc.proposals.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.identity.LoginThrottle;
import cn.cppcc.proposals.support.Api.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port with its demo data, on H2 or PostgreSQL (TestDatabase), driven
 * over HTTP as the demo users. Jobs do not run by themselves: a test moves the clock and runs the
 * jobs that are due, so that deadlines are tested without waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Spring Boot's tests switch metrics export off; /actuator/prometheus is tested (OperationsIntegrationTest)
        properties = {"camunda.bpm.job-execution.enabled=false", "management.prometheus.metrics.export.enabled=true"})
@Import(TestDatabase.Lifecycle.class)
public abstract class IntegrationTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    protected LoginThrottle loginThrottle;

    protected Api api;
    protected Proposals proposals;

    @BeforeEach
    void connect() {
        api = new Api(port, objectMapper);
        proposals = new Proposals(api);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Every test logs in from 127.0.0.1: one test's failed logins must not block the next. */
    @AfterEach
    void resetLoginThrottle() {
        loginThrottle.reset();
    }

    /** Moves the engine's clock forward, as time passing would. */
    protected void advanceClock(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    protected void setClock(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /**
     * Runs the proposal's jobs that are due now, again while running them makes more due (the job
     * executor is off in tests; other tests' jobs are left alone).
     */
    protected int runDueJobs(long proposalId) {
        int ran = 0;
        for (int round = 0; round < 20; round++) {
            List<String> instances = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(proposalId)).list().stream().map(p -> p.getId()).toList();
            List<Job> due = instances.isEmpty() ? List.of() : managementService.createJobQuery().executable().list().stream()
                    .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /** The notifications of a proposal recorded for an event, as the office reads them. */
    protected List<com.fasterxml.jackson.databind.JsonNode> notifications(long proposalId, String event) {
        List<com.fasterxml.jackson.databind.JsonNode> found = new java.util.ArrayList<>();
        api.get("office1", "/api/notifications?size=200&proposal=" + proposalId + "&event=" + event).body().get("items")
                .forEach(found::add);
        return found;
    }

    protected static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    protected static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(answer.body().get("errors").findValuesAsText("field")).as("fields of %s", answer.body()).contains(field);
        }
    }
}
