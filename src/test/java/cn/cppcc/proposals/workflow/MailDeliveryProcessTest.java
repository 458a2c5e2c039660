package cn.cppcc.proposals.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mail-delivery.bpmn: a mail goes out from an async job; failures are retried, then an incident. */
@Deployment(resources = "bpmn/mail-delivery.bpmn")
class MailDeliveryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    final AtomicInteger attempts = new AtomicInteger();
    int failuresBeforeSuccess;

    @BeforeEach
    void smtpServer() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T01:00:00Z")));
        Mocks.register("deliverMailDelegate", (JavaDelegate) execution -> {
            if (attempts.incrementAndGet() <= failuresBeforeSuccess) {
                throw new IllegalStateException("Connection refused");
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @AfterAll
    static void everyFlowTaken() {
        FlowCoverage.assertEveryFlowTaken("bpmn/mail-delivery.bpmn", "MailDeliveryProcess");
    }

    ProcessInstance queued() {
        return runtimeService().startProcessInstanceByKey("MailDeliveryProcess",
                Map.of("notificationId", 1L, "mailRetryCycle", "R5/PT5M"));
    }

    @Test
    void theMailLeavesAfterTheStartersTransactionFromAnAsyncJob() {
        ProcessInstance instance = queued();

        assertThat(instance).isWaitingAt("Task_DeliverMail");
        assertThat(attempts).hasValue(0);
        managementService().executeJob(job(instance).getId());

        assertThat(attempts).hasValue(1);
        assertThat(instance).hasPassed("EndEvent_MailDelivered").isEnded();
    }

    @Test
    void aFailureIsRetriedFiveMinutesLaterAndTheNextAttemptSendsIt() {
        failuresBeforeSuccess = 2;
        ProcessInstance instance = queued();

        attempt(instance);
        Job job = job(instance);
        assertThat(job.getRetries()).isEqualTo(4);
        assertThat(job.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-01T01:05:00Z")));
        later(Duration.ofMinutes(5));
        attempt(instance);
        later(Duration.ofMinutes(5));
        attempt(instance);

        assertThat(attempts).hasValue(3);
        assertThat(instance).isEnded();
    }

    @Test
    void afterFiveFailedAttemptsAnIncidentWaitsUntilTheJobIsRetried() {
        failuresBeforeSuccess = 5;
        ProcessInstance instance = queued();
        for (int i = 0; i < 5; i++) {
            attempt(instance);
            later(Duration.ofMinutes(5));
        }

        assertThat(job(instance).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(instance).isWaitingAt("Task_DeliverMail");

        managementService().setJobRetries(job(instance).getId(), 1);
        attempt(instance);
        assertThat(attempts).hasValue(6);
        assertThat(instance).isEnded();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    void attempt(ProcessInstance instance) {
        Job job = job(instance);
        if (attempts.get() < failuresBeforeSuccess) {
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("Connection refused");
        } else {
            managementService().executeJob(job.getId());
        }
    }

    void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }
}
