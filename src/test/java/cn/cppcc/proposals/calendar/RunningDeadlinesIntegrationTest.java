package cn.cppcc.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule 13: a holiday added to the calendar moves the running deadlines, and the timers with them. */
class RunningDeadlinesIntegrationTest extends IntegrationTestSupport {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void restore2027() {
        api.put("admin", "/api/calendar/2027", Map.of("days", List.of()));
    }

    LocalDate dueOfTask(long id, String taskKey) {
        return LocalDate.ofInstant(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey(taskKey).singleResult().getDueDate().toInstant(), BEIJING);
    }

    @Test
    void holidayAddedLaterMovesTheReviewDeadlineItsTaskAndItsTimer() {
        setClock(Instant.parse("2027-03-01T02:00:00Z")); // Monday
        long id = proposals.submitted();
        assertThat(proposals.dossier(id).get("reviewDue").asText()).isEqualTo("2027-03-22");
        assertThat(dueOfTask(id, "Task_ReviewProposal")).isEqualTo(LocalDate.of(2027, 3, 22));

        // two days off and a make-up Saturday inside the window: one working day more
        var answer = api.put("admin", "/api/calendar/2027", Map.of("days", List.of(
                Map.of("day", "2027-03-10", "kind", "OFF", "holiday", "测试假日"),
                Map.of("day", "2027-03-11", "kind", "OFF", "holiday", "测试假日"),
                Map.of("day", "2027-03-13", "kind", "WORK", "holiday", "测试调休"))));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);

        assertThat(proposals.dossier(id).get("reviewDue").asText()).isEqualTo("2027-03-23");
        assertThat(dueOfTask(id, "Task_ReviewProposal")).isEqualTo(LocalDate.of(2027, 3, 23));
        setClock(Instant.parse("2027-03-22T16:30:00Z")); // after the old deadline, before the new one
        runDueJobs(id);
        assertThat(notifications(id, "REVIEW_OVERDUE")).isEmpty();
        setClock(Instant.parse("2027-03-23T16:30:00Z"));
        runDueJobs(id);
        assertThat(notifications(id, "REVIEW_OVERDUE")).isNotEmpty();
    }

    @Test
    void holidayMovesAUnitsAcceptanceWindow() {
        setClock(Instant.parse("2027-04-05T02:00:00Z")); // Monday
        long id = proposals.assigned("SINGLE", List.of("housing"), null);
        assertThat(proposals.unit(id, "housing").get("acceptanceDue").asText()).isEqualTo("2027-04-12");

        api.put("admin", "/api/calendar/2027", Map.of("days", List.of(
                Map.of("day", "2027-04-07", "kind", "OFF", "holiday", "测试假日"))));

        assertThat(proposals.unit(id, "housing").get("acceptanceDue").asText()).isEqualTo("2027-04-13");
        setClock(Instant.parse("2027-04-12T16:30:00Z"));
        runDueJobs(id);
        assertThat(proposals.unit(id, "housing").get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        setClock(Instant.parse("2027-04-13T16:30:00Z"));
        runDueJobs(id);
        assertThat(proposals.unit(id, "housing").get("acceptedBySilence").asBoolean()).isTrue();
    }
}
