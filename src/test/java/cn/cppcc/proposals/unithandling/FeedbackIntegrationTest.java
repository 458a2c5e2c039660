package cn.cppcc.proposals.unithandling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 9: ratings, handling again after DISSATISFIED, and NO_RESPONSE. */
class FeedbackIntegrationTest extends IntegrationTestSupport {

    long repliedBy(String unit) {
        long id = proposals.handledBy(unit);
        proposals.replied(id, unit, "A");
        return id;
    }

    @Test
    void satisfiedRatingClosesTheProposal() {
        long id = repliedBy("edu");
        proposals.rate(id, "edu", "member1", "SATISFIED");
        JsonNode unit = proposals.unit(id, "edu");
        assertThat(unit.get("status").asText()).isEqualTo("DONE");
        assertThat(unit.get("feedback").get("rating").asText()).isEqualTo("SATISFIED");
        assertThat(unit.get("feedback").get("faceToFace").asBoolean()).isTrue();
        assertThat(proposals.status(id)).isEqualTo("CLOSED");
    }

    @Test
    void dissatisfiedReplyIsCoordinatedAndHandledAgainOnce() {
        long id = repliedBy("edu");
        String feedback = "/api/proposals/" + id + "/units/edu/feedback";
        assertProblem(api.post("member1", feedback, Map.of("rating", "DISSATISFIED", "faceToFace", false)), 400, "comment");
        proposals.rate(id, "edu", "member1", "DISSATISFIED");
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("RE_HANDLING");
        assertThat(proposals.status(id)).isEqualTo("IN_HANDLING");

        String coordination = "/api/proposals/" + id + "/units/edu/coordination";
        assertProblem(api.post("office1", coordination, Map.of()), 400, "note");
        assertProblem(api.post("edu1", coordination, Map.of("note", "x")), 403, null);
        proposals.step("office1", coordination, Map.of("note", "请再次与提案者见面协商，提出具体措施"));

        JsonNode unit = proposals.unit(id, "edu");
        assertThat(unit.get("status").asText()).isEqualTo("HANDLING");
        assertThat(unit.get("round").asInt()).isEqualTo(2);
        assertThat(unit.get("deadline").asText()).isEqualTo(cn.cppcc.proposals.support.Proposals.today().plusMonths(1).toString());

        proposals.replied(id, "edu", "B");
        proposals.rate(id, "edu", "member1", "DISSATISFIED");
        // re-handling.rounds is 1: the second DISSATISFIED stands
        unit = proposals.unit(id, "edu");
        assertThat(unit.get("status").asText()).isEqualTo("DONE");
        assertThat(unit.get("feedback").get("rating").asText()).isEqualTo("DISSATISFIED");
        assertThat(unit.get("replies").findValuesAsText("round")).containsExactly("1", "2");
        assertThat(proposals.status(id)).isEqualTo("CLOSED");
    }

    @Test
    void noRatingWithinFifteenWorkingDaysIsNoResponse() {
        setClock(Instant.parse("2026-12-01T02:00:00Z"));
        long id = repliedBy("housing");
        assertThat(proposals.unit(id, "housing").get("reply").get("feedbackDue").asText()).isEqualTo("2026-12-22");

        setClock(Instant.parse("2026-12-22T16:00:01Z"));
        runDueJobs(id);

        JsonNode unit = proposals.unit(id, "housing");
        assertThat(unit.get("status").asText()).isEqualTo("DONE");
        assertThat(unit.get("feedback").get("rating").asText()).isEqualTo("NO_RESPONSE");
        assertThat(proposals.status(id)).isEqualTo("CLOSED");
    }

    @Test
    void onlyTheLeadProposerRatesAndOnlyWithAKnownRating() {
        long id = repliedBy("transport");
        String feedback = "/api/proposals/" + id + "/units/transport/feedback";
        assertProblem(api.post("office1", feedback, Map.of("rating", "SATISFIED", "faceToFace", true)), 403, null);
        assertProblem(api.post("member1", feedback, Map.of("rating", "NO_RESPONSE", "faceToFace", true)), 400, "rating");
        assertProblem(api.post("member1", feedback, Map.of("rating", "GREAT", "faceToFace", true)), 400, "rating");
        assertProblem(api.post("member1", feedback, Map.of("rating", "SATISFIED")), 400, "faceToFace");
        assertThat(proposals.unit(id, "transport").get("status").asText()).isEqualTo("REPLIED");
    }

    @Test
    void ratingBeforeTheReplyIsSentIsAConflict() {
        long id = proposals.handledBy("edu");
        assertProblem(api.post("member1", "/api/proposals/" + id + "/units/edu/feedback",
                Map.of("rating", "SATISFIED", "faceToFace", true)), 409, null);
    }

    @Test
    void unitsListTheirProposalsAndTasks() {
        long id = proposals.assigned("SEPARATE", List.of("edu", "housing"), null);
        assertThat(api.get("edu1", "/api/proposals?unit=edu").body().get("items").findValuesAsText("id"))
                .contains(String.valueOf(id));
        assertThat(api.get("transport1", "/api/proposals").body().get("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));
    }
}
