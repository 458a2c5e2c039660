package cn.cppcc.proposals.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Rule 2: the five outcomes of the office's review, and the proposal number. */
class ReviewIntegrationTest extends IntegrationTestSupport {

    String review(long id) {
        return "/api/proposals/" + id + "/review";
    }

    @Test
    void filedProposalGetsANumberACategoryAndGoesToAssignment() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通", "comment", "符合立案标准"));

        JsonNode dossier = proposals.dossier(id);
        assertThat(dossier.get("status").asText()).isEqualTo("FILED");
        assertThat(dossier.get("number").asText()).matches("\\d{4}");
        assertThat(dossier.get("category").asText()).isEqualTo("城市交通");
        assertThat(api.get("office1", "/api/tasks").body().findValuesAsText("taskKey")).contains("Task_AssignProposal");
    }

    @Test
    void keyProposalNeedsASupervisorWhoThenSeesIt() {
        long id = proposals.submitted();
        assertProblem(api.post("office1", review(id), Map.of("decision", "FILE", "category", "教科文卫", "key", true)),
                400, "supervisor");
        assertProblem(api.post("office1", review(id), Map.of("decision", "FILE", "category", "教科文卫", "key", true,
                "supervisor", "member2")), 400, "supervisor");
        proposals.review(id, Map.of("decision", "FILE", "category", "教科文卫", "key", true, "supervisor", "chair1"));

        assertThat(proposals.dossier(id).get("key").asBoolean()).isTrue();
        assertThat(api.get("chair1", "/api/proposals/" + id).status()).isEqualTo(200);
        assertThat(api.get("chair1", "/api/proposals").body().get("items").findValuesAsText("id"))
                .contains(String.valueOf(id));
    }

    @Test
    void filingNeedsAKnownCategory() {
        long id = proposals.submitted();
        assertProblem(api.post("office1", review(id), Map.of("decision", "FILE")), 400, "category");
        assertProblem(api.post("office1", review(id), Map.of("decision", "FILE", "category", "航天")), 400, "category");
        assertThat(proposals.status(id)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void rejectionNeedsAGroundAndATextAndClosesTheProposal() {
        long id = proposals.submitted();
        assertProblem(api.post("office1", review(id), Map.of("decision", "REJECT", "comment", "不符合")), 400, "rejectGround");
        assertProblem(api.post("office1", review(id), Map.of("decision", "REJECT", "rejectGround", "PERSONAL")), 400, "comment");
        assertProblem(api.post("office1", review(id), Map.of("decision", "REJECT", "rejectGround", "PRIVATE", "comment", "x")),
                400, "rejectGround");

        proposals.review(id, Map.of("decision", "REJECT", "rejectGround", "PERSONAL", "comment", "属于个人事务"));

        JsonNode dossier = api.get("member1", "/api/proposals/" + id).body();
        assertThat(dossier.get("status").asText()).isEqualTo("REJECTED");
        assertThat(dossier.get("rejectGround").asText()).isEqualTo("PERSONAL");
        assertThat(dossier.get("reviews").get(0).get("comment").asText()).isEqualTo("属于个人事务");
        assertThat(api.get("office1", "/api/tasks").body().findValuesAsText("proposalId")).doesNotContain(String.valueOf(id));
    }

    @Test
    void convertedProposalIsForwardedToTheUnitAsAnOpinion() {
        long id = proposals.submitted();
        assertProblem(api.post("office1", review(id), Map.of("decision", "CONVERT", "convertTo", "nowhere")), 400, "convertTo");
        proposals.review(id, Map.of("decision", "CONVERT", "convertTo", "edu", "comment", "转区教育局参考"));

        assertThat(proposals.status(id)).isEqualTo("CONVERTED");
        assertThat(api.get("edu1", "/api/proposals/" + id).status()).isEqualTo(200);
        assertThat(api.get("transport1", "/api/proposals/" + id).status()).isEqualTo(404);
    }

    @Test
    void mergedProposalsProposersJoinTheProposalItWasMergedInto() {
        long target = proposals.filed("城市交通");
        long duplicate = proposals.submit("member2", cn.cppcc.proposals.support.Proposals.submission("关于缓解校门口拥堵的建议"));

        proposals.review(duplicate, Map.of("decision", "MERGE", "mergeInto", target, "comment", "与已立案提案内容相同"));

        assertThat(proposals.dossier(duplicate).get("status").asText()).isEqualTo("MERGED");
        assertThat(proposals.dossier(duplicate).get("mergedInto").asLong()).isEqualTo(target);
        assertThat(proposals.dossier(target).get("coProposers").toString()).contains("member2");
        assertThat(api.get("member2", "/api/proposals/" + target).status()).isEqualTo(200);
    }

    @Test
    void mergeOnlyIntoAFiledOpenProposal() {
        long unfiled = proposals.submitted();
        long id = proposals.submitted();
        assertProblem(api.post("office1", review(id), Map.of("decision", "MERGE", "mergeInto", unfiled)), 400, "mergeInto");
        assertProblem(api.post("office1", review(id), Map.of("decision", "MERGE", "mergeInto", id)), 400, "mergeInto");
        assertProblem(api.post("office1", review(id), Map.of("decision", "MERGE", "mergeInto", 987654)), 400, "mergeInto");
        assertProblem(api.post("office1", review(id), Map.of("decision", "MERGE", "mergeInto", "abc")), 400, "mergeInto");
        assertThat(proposals.status(id)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void onlyTheOfficeReviewsAndOnlyOnce() {
        long id = proposals.submitted();
        assertProblem(api.post("member1", review(id), Map.of("decision", "FILE", "category", "城市交通")), 403, null);
        assertProblem(api.post("edu1", review(id), Map.of("decision", "FILE", "category", "城市交通")), 404, null);
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
        assertProblem(api.post("office1", review(id), Map.of("decision", "FILE", "category", "城市交通")), 409, null);
    }

    @Test
    void numbersAreGapFreeWhenTwoStaffFileAtTheSameMoment() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(proposals.submitted());
        }
        // One filing that fails does not use up a number.
        assertProblem(api.post("office1", review(ids.get(0)), Map.of("decision", "FILE", "category", "航天")), 400, "category");

        CyclicBarrier together = new CyclicBarrier(ids.size());
        List<CompletableFuture<Answer>> filings = ids.stream().map(id -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return api.post("office1", review(id), Map.of("decision", "FILE", "category", "城市交通"));
        })).toList();
        for (CompletableFuture<Answer> filing : filings) {
            assertThat(filing.get().status()).as("%s", filing.get().body()).isEqualTo(200);
        }

        List<Integer> numbers = jdbc.sql("select cast(number as integer) from proposals p join sessions s on s.id = p.session_id"
                + " where s.code = '10-6' and number is not null order by 1").query(Integer.class).list();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.get(numbers.size() - 1)).isEqualTo(numbers.size());
    }
}
