package cn.cppcc.proposals.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 2, RETURN: the proposer revises and the office reviews again. */
class RevisionIntegrationTest extends IntegrationTestSupport {

    static final Map<String, Object> REVISED = Map.of("title", "关于学校周边设置限时停车区的建议",
            "background", "补充了三所学校的调查数据。", "suggestions", "一、设置限时停车区；二、错峰放学。");

    @Test
    void returnedProposalIsRevisedAndReviewedAgain() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "RETURN", "comment", "请补充调查数据，一事一案"));
        assertThat(proposals.status(id)).isEqualTo("RETURNED");

        proposals.step("member1", "/api/proposals/" + id + "/revision", REVISED);

        JsonNode dossier = proposals.dossier(id);
        assertThat(dossier.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(dossier.get("title").asText()).isEqualTo("关于学校周边设置限时停车区的建议");
        assertThat(dossier.get("reviews").findValuesAsText("decision")).containsExactly("RETURN");
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
        assertThat(proposals.status(id)).isEqualTo("FILED");
    }

    @Test
    void returnNeedsAReason() {
        long id = proposals.submitted();
        assertProblem(api.post("office1", "/api/proposals/" + id + "/review", Map.of("decision", "RETURN")), 400, "comment");
    }

    @Test
    void onlyTheProposerRevises() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "RETURN", "comment", "请修改"));
        assertProblem(api.post("office1", "/api/proposals/" + id + "/revision", REVISED), 403, null);
        assertProblem(api.post("member2", "/api/proposals/" + id + "/revision", REVISED), 404, null);
    }

    @Test
    void revisionIsCheckedLikeASubmission() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "RETURN", "comment", "请修改"));
        assertProblem(api.post("member1", "/api/proposals/" + id + "/revision",
                Map.of("title", "", "background", "x", "suggestions", "y")), 400, "title");
        assertThat(proposals.status(id)).isEqualTo("RETURNED");
    }

    @Test
    void revisingAProposalThatWasNotReturnedIsAConflict() {
        long id = proposals.submitted();
        assertProblem(api.post("member1", "/api/proposals/" + id + "/revision", REVISED), 409, null);
    }
}
