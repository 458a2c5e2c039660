package cn.cppcc.proposals.followup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules 11 and 12: the follow-up of B-class replies, and what the public may read. */
class FollowUpAndPublicationIntegrationTest extends IntegrationTestSupport {

    @Test
    void bClassReplyIsFollowedUpAtItsCommittedDateAfterClosing() {
        setClock(Instant.parse("2027-05-03T02:00:00Z"));
        long id = proposals.handledBy("housing");
        proposals.replied(id, "housing", "B"); // committed 2027-11-03
        proposals.rate(id, "housing", "member1", "SATISFIED");
        assertThat(proposals.status(id)).isEqualTo("CLOSED");
        assertProblem(api.post("office1", "/api/proposals/" + id + "/follow-up", Map.of("result", "x")), 409, null);

        setClock(Instant.parse("2027-11-02T16:30:00Z")); // 00:30 on the committed day in Beijing
        runDueJobs(id);
        assertThat(notifications(id, "FOLLOW_UP_DUE").get(0).get("body").asText()).contains("2027-11-03");
        assertProblem(api.post("member1", "/api/proposals/" + id + "/follow-up", Map.of("result", "x")), 403, null);
        assertProblem(api.post("office1", "/api/proposals/" + id + "/follow-up", Map.of()), 400, "result");
        proposals.step("office1", "/api/proposals/" + id + "/follow-up", Map.of("result", "已完成小区电梯加装12部"));

        JsonNode followUps = proposals.dossier(id).get("followUps");
        assertThat(followUps.findValuesAsText("result")).containsExactly("已完成小区电梯加装12部");
        assertThat(followUps.findValuesAsText("unit")).containsExactly("housing");
    }

    @Test
    void publishedProposalAndLaterItsRepliesAreShownWithoutContactDetails() {
        long id = proposals.filed("城市交通");
        assertThat(api.get(null, "/public/proposals/" + id).status()).isEqualTo(404);
        assertProblem(api.post("member1", "/api/proposals/" + id + "/publication", Map.of("publish", true)), 403, null);
        proposals.step("office1", "/api/proposals/" + id + "/publication", Map.of("publish", true));

        JsonNode shown = api.get(null, "/public/proposals/" + id).body();
        assertThat(shown.get("title").asText()).isEqualTo("关于改善学校周边交通秩序的建议");
        assertThat(shown.get("replies")).isEmpty();
        assertThat(api.get(null, "/public/proposals").body().get("items").findValuesAsText("id")).contains(String.valueOf(id));

        proposals.assign(id, "SINGLE", List.of("transport"), null);
        proposals.accept(id, "transport");
        proposals.consult(id, "transport", "FACE_TO_FACE");
        proposals.step("transport1", "/api/proposals/" + id + "/units/transport/reply", Map.of("classification", "A",
                "text", "已在校门口设置限时停车区", "handlerName", "杨帆", "handlerPhone", "0571-88886666",
                "responsibleLeader", "吴强", "leaderPhone", "0571-88880000"));
        proposals.signOff(id, "transport", true);
        proposals.rate(id, "transport", "member1", "SATISFIED");
        assertThat(api.get(null, "/public/proposals/" + id).body().get("replies")).isEmpty();
        proposals.step("office1", "/api/proposals/" + id + "/publication", Map.of("publish", true));

        JsonNode withReplies = api.get(null, "/public/proposals/" + id).body();
        assertThat(withReplies.get("replies").findValuesAsText("text")).containsExactly("已在校门口设置限时停车区");
        String everything = withReplies.toString();
        assertThat(everything).doesNotContain("0571", "@example.org", "杨帆", "吴强", "member1", "SATISFIED");
    }

    @Test
    void withoutConsentNothingIsPublished() {
        Map<String, Object> noConsent = Proposals.submission("不愿公开的提案");
        noConsent.put("publicConsent", false);
        long id = proposals.submit("member1", noConsent);
        proposals.review(id, Map.of("decision", "FILE", "category", "其它"));
        assertProblem(api.post("office1", "/api/proposals/" + id + "/publication", Map.of("publish", true)), 409, null);
        assertThat(api.get(null, "/public/proposals/" + id).status()).isEqualTo(404);
    }

    @Test
    void officeMayDecideNotToPublish() {
        long id = proposals.filed("城市交通");
        proposals.step("office1", "/api/proposals/" + id + "/publication", Map.of("publish", false));
        assertThat(api.get(null, "/public/proposals/" + id).status()).isEqualTo(404);
        assertProblem(api.post("office1", "/api/proposals/" + id + "/publication", Map.of("publish", true)), 409, null);
    }
}
