package cn.cppcc.proposals.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules 7 and 8: reminders before the reply deadline, escalation and supervision when overdue. */
class SupervisionIntegrationTest extends IntegrationTestSupport {

    @Test
    void unitIsRemindedThirtyAndSevenDaysBeforeItsDeadline() {
        setClock(Instant.parse("2027-05-03T02:00:00Z"));
        long id = proposals.handledBy("edu"); // deadline 2027-08-03
        setClock(Instant.parse("2027-07-03T02:00:00Z"));
        runDueJobs(id);
        assertThat(notifications(id, "REPLY_DUE_REMINDER")).isEmpty();
        setClock(Instant.parse("2027-07-04T02:00:00Z")); // 30 days before, 10:00 in Beijing
        runDueJobs(id);
        List<JsonNode> reminders = notifications(id, "REPLY_DUE_REMINDER");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).get("recipient").asText()).isEqualTo("edu1");
        assertThat(reminders.get(0).get("body").asText()).contains("2027-08-03", "还有30天");
        setClock(Instant.parse("2027-07-27T02:00:00Z")); // 7 days before
        runDueJobs(id);
        assertThat(notifications(id, "REPLY_DUE_REMINDER")).hasSize(2);
    }

    @Test
    void overdueReplyTellsLeadersAndOfficeAndOpensSupervision() {
        setClock(Instant.parse("2027-05-03T02:00:00Z"));
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "FILE", "category", "教科文卫", "key", true, "supervisor", "chair1"));
        proposals.assign(id, "SINGLE", List.of("edu"), null);
        proposals.accept(id, "edu");
        assertProblem(api.post("office1", "/api/proposals/" + id + "/supervision", Map.of("note", "x", "unit", "edu")), 409, null);

        setClock(Instant.parse("2027-08-03T16:30:00Z"));
        runDueJobs(id);

        assertThat(notifications(id, "REPLY_OVERDUE")).extracting(n -> n.get("recipient").asText())
                .containsExactlyInAnyOrder("edu-lead", "office1", "chair1");
        assertThat(api.get("office1", "/api/tasks").body().findValuesAsText("taskKey")).contains("Task_SuperviseOverdue");
        assertThat(api.get("chair1", "/api/tasks").body().findValuesAsText("taskKey"))
                .contains("Task_SuperviseOverdue", "Task_SuperviseKeyProposal");
        assertProblem(api.post("edu1", "/api/proposals/" + id + "/supervision", Map.of("note", "x")), 403, null);
        assertProblem(api.post("office1", "/api/proposals/" + id + "/supervision", Map.of("unit", "edu")), 400, "note");

        proposals.step("office1", "/api/proposals/" + id + "/supervision", Map.of("note", "已电话督促区教育局本周内答复", "unit", "edu"));
        proposals.step("chair1", "/api/proposals/" + id + "/supervision", Map.of("note", "请加快办理"));

        JsonNode notes = proposals.dossier(id).get("supervision");
        assertThat(notes.findValuesAsText("kind")).containsExactlyInAnyOrder("OVERDUE", "KEY");
        assertThat(notes.findValuesAsText("by")).containsExactlyInAnyOrder("office1", "chair1");
        // the unit still replies; nothing stops at a deadline
        proposals.replied(id, "edu", "A");
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("REPLIED");
    }

    @Test
    void unitThatHasNotMetTheProposerIsRemindedOnce() {
        setClock(Instant.parse("2027-05-03T02:00:00Z")); // Monday
        long notMet = proposals.handledBy("housing");
        long met = proposals.handledBy("transport");
        proposals.consult(met, "transport", "FACE_TO_FACE");

        setClock(Instant.parse("2027-05-24T16:30:00Z")); // 15 working days later (no holidays in 2027 data)
        runDueJobs(notMet);
        runDueJobs(met);

        assertThat(notifications(notMet, "MEETING_REMINDER")).hasSize(1);
        assertThat(notifications(met, "MEETING_REMINDER")).isEmpty();
    }

    @Test
    void lateCoUnitIsReminded() {
        setClock(Instant.parse("2027-05-03T02:00:00Z"));
        long id = proposals.assigned("LEAD_AND_CO", List.of("transport", "edu"), "transport");
        proposals.accept(id, "edu");
        setClock(Instant.parse("2027-06-03T16:30:00Z"));
        runDueJobs(id);
        assertThat(notifications(id, "OPINION_DUE_REMINDER")).extracting(n -> n.get("recipient").asText())
                .containsExactlyInAnyOrder("edu1", "transport1");
    }

    @Test
    void lateReviewIsReportedToTheOffice() {
        setClock(Instant.parse("2027-05-03T02:00:00Z"));
        long id = proposals.submitted();
        setClock(Instant.parse("2027-05-24T16:30:00Z"));
        runDueJobs(id);
        assertThat(notifications(id, "REVIEW_OVERDUE")).extracting(n -> n.get("recipient").asText()).containsExactly("office1");
        assertThat(proposals.status(id)).isEqualTo("UNDER_REVIEW");
    }
}
