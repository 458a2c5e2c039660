package cn.cppcc.proposals.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 1: a joint proposal waits for its co-proposers; silence drops them after 5 working days. */
class CoProposersIntegrationTest extends IntegrationTestSupport {

    long jointProposal() {
        Map<String, Object> joint = Proposals.submission("关于完善社区托育服务的建议");
        joint.put("proposerType", "JOINT");
        joint.put("coProposers", List.of("member2", "member3"));
        return proposals.submit("member1", joint);
    }

    String confirmation(long id, String user) {
        return "/api/proposals/" + id + "/co-proposers/" + user + "/confirmation";
    }

    @Test
    void jointProposalReachesReviewWhenEveryCoProposerHasAnswered() {
        long id = jointProposal();
        assertThat(proposals.status(id)).isEqualTo("AWAITING_CO_PROPOSERS");
        assertThat(api.get("member2", "/api/tasks").body().findValuesAsText("proposalId")).contains(String.valueOf(id));

        proposals.step("member2", confirmation(id, "member2"), Map.of("confirm", true));
        assertThat(proposals.status(id)).isEqualTo("AWAITING_CO_PROPOSERS");
        proposals.step("member3", confirmation(id, "member3"), Map.of("confirm", false));

        JsonNode dossier = proposals.dossier(id);
        assertThat(dossier.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(dossier.get("coProposers").toString()).isEqualTo("[\"member2\"]");
        assertThat(dossier.get("proposerType").asText()).isEqualTo("JOINT");
    }

    @Test
    void everyoneDecliningMakesItTheLeadProposersOwn() {
        long id = jointProposal();
        proposals.step("member2", confirmation(id, "member2"), Map.of("confirm", false));
        proposals.step("member3", confirmation(id, "member3"), Map.of("confirm", false));
        assertThat(proposals.dossier(id).get("proposerType").asText()).isEqualTo("MEMBER");
    }

    @Test
    void coProposerWhoStaysSilentIsDroppedWhenTheWindowCloses() {
        // Friday 2026-02-13: five working days end on Friday 2026-02-27 (02-14 is a make-up
        // working day, 02-15 … 02-23 the Spring Festival holiday).
        setClock(Instant.parse("2026-02-13T02:00:00Z"));
        long id = jointProposal();
        assertThat(proposals.dossier(id).get("coProposersDue").asText()).isEqualTo("2026-02-27");
        proposals.step("member2", confirmation(id, "member2"), Map.of("confirm", true));

        setClock(Instant.parse("2026-02-27T10:00:00Z"));
        assertThat(runDueJobs(id)).isZero();
        assertThat(proposals.status(id)).isEqualTo("AWAITING_CO_PROPOSERS");

        advanceClock(Duration.ofDays(1));
        runDueJobs(id);
        JsonNode dossier = proposals.dossier(id);
        assertThat(dossier.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(dossier.get("coProposerDetails").findValuesAsText("state")).containsExactly("CONFIRMED", "DROPPED");
    }

    @Test
    void onlyTheCoProposerConfirmsForThemselves() {
        long id = jointProposal();
        assertProblem(api.post("member3", confirmation(id, "member2"), Map.of("confirm", true)), 403, null);
        assertProblem(api.post("member1", confirmation(id, "member2"), Map.of("confirm", true)), 403, null);
    }

    @Test
    void confirmationNeedsAnAnswer() {
        long id = jointProposal();
        assertProblem(api.post("member2", confirmation(id, "member2"), Map.of()), 400, "confirm");
        assertProblem(api.post("member2", confirmation(id, "member2"), Map.of("confirm", "perhaps")), 400, "confirm");
    }

    @Test
    void answeringTwiceIsAConflict() {
        long id = jointProposal();
        proposals.step("member2", confirmation(id, "member2"), Map.of("confirm", true));
        assertProblem(api.post("member2", confirmation(id, "member2"), Map.of("confirm", false)), 409, null);
    }
}
