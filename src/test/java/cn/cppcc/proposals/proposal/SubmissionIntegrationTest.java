package cn.cppcc.proposals.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 1 over HTTP: submission by members and by the office on paper, and what others may see. */
class SubmissionIntegrationTest extends IntegrationTestSupport {

    @Test
    void memberSubmitsAProposalThatGoesToTheOfficesReview() {
        Answer answer = api.post("member1", "/api/proposals", Proposals.submission("关于增设社区养老服务站的建议"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.location()).isEqualTo("/api/proposals/" + answer.id());
        assertThat(answer.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(answer.get("serialNo").asInt()).isPositive();

        JsonNode dossier = proposals.dossier(answer.id());
        assertThat(dossier.get("title").asText()).isEqualTo("关于增设社区养老服务站的建议");
        assertThat(dossier.get("proposer").asText()).isEqualTo("member1");
        assertThat(dossier.get("session").asText()).isEqualTo("10-6");
        assertThat(dossier.get("reviewDue").asText()).isNotEmpty();

        JsonNode tasks = api.get("office1", "/api/tasks").body();
        assertThat(tasks.findValuesAsText("proposalId")).contains(String.valueOf(answer.id()));
    }

    @Test
    void serialNumbersFollowEachOtherWithinTheSession() {
        long first = proposals.submitted();
        long second = proposals.submitted();
        int a = api.get("office1", "/api/proposals/" + first).get("serialNo").asInt();
        int b = api.get("office1", "/api/proposals/" + second).get("serialNo").asInt();
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void officeRegistersAPaperProposalOnAMembersBehalf() {
        Map<String, Object> paper = Proposals.submission("关于规范农贸市场管理的建议");
        paper.put("onBehalfOf", "member2");
        Answer answer = api.post("office1", "/api/proposals", paper);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(proposals.dossier(answer.id()).get("proposer").asText()).isEqualTo("member2");
        assertThat(api.get("member2", "/api/proposals/" + answer.id()).status()).isEqualTo(200);
    }

    @Test
    void officeMustNameTheMemberOfAPaperProposal() {
        assertProblem(api.post("office1", "/api/proposals", Proposals.submission("无委员的纸质提案")), 400, "onBehalfOf");
    }

    @Test
    void memberCannotSubmitForAnotherMember() {
        Map<String, Object> forOther = Proposals.submission("代他人提交");
        forOther.put("onBehalfOf", "member2");
        assertProblem(api.post("member1", "/api/proposals", forOther), 403, null);
    }

    @Test
    void onlyMembersAndTheOfficeSubmit() {
        assertProblem(api.post("edu1", "/api/proposals", Proposals.submission("承办单位不能提交")), 403, null);
    }

    @Test
    void badSubmissionNamesEachBadFieldAndKeepsNothing() {
        long before = jdbc.sql("select count(*) from proposals").query(Long.class).single();
        Map<String, Object> bad = Proposals.submission("x".repeat(101));
        bad.remove("background");
        bad.put("proposerType", "SOMEONE");
        bad.put("suggestedCategory", "不存在的类别");

        Answer answer = api.post("member1", "/api/proposals", bad);

        assertProblem(answer, 400, "title");
        assertThat(answer.get("errors").findValuesAsText("field"))
                .contains("title", "background", "proposerType", "suggestedCategory");
        assertThat(jdbc.sql("select count(*) from proposals").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void jointProposalNeedsCoProposersWhoAreMembers() {
        Map<String, Object> joint = Proposals.submission("联名提案");
        joint.put("proposerType", "JOINT");
        assertProblem(api.post("member1", "/api/proposals", joint), 400, "coProposers");
        joint.put("coProposers", List.of("edu1"));
        assertProblem(api.post("member1", "/api/proposals", joint), 400, "coProposers");
        joint.put("coProposers", List.of("member1"));
        assertProblem(api.post("member1", "/api/proposals", joint), 400, "coProposers");
    }

    @Test
    void malformedJsonAndWrongMediaTypeAreRefused() {
        assertProblem(api.postRaw("member1", "/api/proposals", "application/json", "{\"title\": "), 400, "body");
        assertThat(api.postRaw("member1", "/api/proposals", "text/plain", "title").status()).isEqualTo(415);
    }

    @Test
    void nobodyIsServedAnonymously() {
        Answer answer = api.get(null, "/api/proposals");
        assertProblem(answer, 401, null);
    }

    @Test
    void otherMembersAndUnitsDoNotSeeAProposal() {
        long id = proposals.submitted();
        assertProblem(api.get("member2", "/api/proposals/" + id), 404, null);
        assertProblem(api.get("edu1", "/api/proposals/" + id), 404, null);
        assertThat(api.get("auditor1", "/api/proposals/" + id).status()).isEqualTo(200);
        assertThat(api.get("member2", "/api/proposals").body().get("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));
        assertThat(api.get("member1", "/api/proposals").body().get("items").findValuesAsText("id"))
                .contains(String.valueOf(id));
    }

    @Test
    void unknownProposalAnswers404() {
        assertProblem(api.get("office1", "/api/proposals/999999"), 404, null);
    }
}
