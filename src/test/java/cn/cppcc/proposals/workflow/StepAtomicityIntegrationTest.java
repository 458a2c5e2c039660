package cn.cppcc.proposals.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * A step is one transaction: when anything after the step's own changes fails (here the creation
 * of the next task), nothing of it is kept: no status, no number, no review record, and the task
 * is still open.
 */
@Import(StepAtomicityIntegrationTest.FailingNextTask.class)
class StepAtomicityIntegrationTest extends IntegrationTestSupport {

    static final AtomicBoolean FAIL = new AtomicBoolean();

    @TestConfiguration
    static class FailingNextTask {
        @EventListener(condition = "#task.eventName == 'create'")
        public void failAssignmentTask(DelegateTask task) {
            if (FAIL.get() && ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL.equals(task.getTaskDefinitionKey())) {
                throw new IllegalStateException("the assignment task cannot be created");
            }
        }
    }

    @AfterEach
    void stopFailing() {
        FAIL.set(false);
    }

    @Test
    void failedFilingKeepsNothing() {
        long id = proposals.submitted();
        int numbersBefore = jdbc.sql("select last_value from session_counters c join sessions s on s.id = c.session_id"
                + " where s.code = '10-6' and c.counter = 'NUMBER'").query(Integer.class).single();

        FAIL.set(true);
        var answer = api.post("office1", "/api/proposals/" + id + "/review", Map.of("decision", "FILE", "category", "城市交通"));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().toString()).doesNotContain("cannot be created");

        var dossier = proposals.dossier(id);
        assertThat(dossier.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(dossier.get("number")).isNull();
        assertThat(dossier.get("reviews")).isEmpty();
        assertThat(jdbc.sql("select last_value from session_counters c join sessions s on s.id = c.session_id"
                + " where s.code = '10-6' and c.counter = 'NUMBER'").query(Integer.class).single()).isEqualTo(numbersBefore);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey(ProposalHandlingProcess.TASK_REVIEW_PROPOSAL).count()).isEqualTo(1);

        FAIL.set(false);
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
        assertThat(proposals.status(id)).isEqualTo("FILED");
    }
}
