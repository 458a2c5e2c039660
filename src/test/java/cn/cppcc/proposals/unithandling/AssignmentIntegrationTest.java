package cn.cppcc.proposals.unithandling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules 4 and 5: assignment in three modes, acceptance, objection and silence. */
class AssignmentIntegrationTest extends IntegrationTestSupport {

    String assignment(long id) {
        return "/api/proposals/" + id + "/assignment";
    }

    @Test
    void decisionTableSuggestsUnitsFromCategoryAndKeywords() {
        long id = proposals.filed("城市交通");
        JsonNode suggestions = api.get("office1", "/api/proposals/" + id + "/unit-suggestions").body();
        // category 城市交通 and the words 学校, 交通, 停车 in the text: the category's unit first, the
        // best match (the pages preselect it as the lead unit), then the one a keyword suggests
        assertThat(suggestions.findValuesAsText("code")).containsExactly("transport", "edu");
        assertThat(suggestions.findValuesAsText("reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertProblem(api.get("member1", "/api/proposals/" + id + "/unit-suggestions"), 403, null);
    }

    @Test
    void singleUnitAcceptsAndTheProposalIsInHandling() {
        long id = proposals.assigned("SINGLE", List.of("edu"), null);
        JsonNode unit = proposals.unit(id, "edu");
        assertThat(unit.get("role").asText()).isEqualTo("SINGLE");
        assertThat(unit.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(unit.get("deadline").asText()).isEqualTo(Proposals.today().plusMonths(3).toString());
        assertThat(proposals.status(id)).isEqualTo("IN_HANDLING");
        assertThat(api.get("edu1", "/api/tasks").body().findValuesAsText("unit")).contains("edu");

        proposals.accept(id, "edu");
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("HANDLING");
    }

    @Test
    void leadUnitRepliesWhileTheCoUnitSendsItsOpinion() {
        long id = proposals.assigned("LEAD_AND_CO", List.of("transport", "edu"), "transport");
        proposals.accept(id, "transport");
        proposals.accept(id, "edu");
        assertProblem(api.post("edu1", "/api/proposals/" + id + "/units/edu/reply",
                Map.of("classification", "A", "text", "会办单位不答复")), 409, null);
        proposals.step("edu1", "/api/proposals/" + id + "/units/edu/opinion", Map.of("text", "建议在校门口设置限时停车区"));

        JsonNode co = proposals.unit(id, "edu");
        assertThat(co.get("role").asText()).isEqualTo("CO");
        assertThat(co.get("status").asText()).isEqualTo("DONE");
        assertThat(co.get("opinion").get("text").asText()).isEqualTo("建议在校门口设置限时停车区");

        proposals.replied(id, "transport", "A");
        assertThat(proposals.status(id)).isEqualTo("AWAITING_FEEDBACK");
        proposals.rate(id, "transport", "member1", "SATISFIED");
        assertThat(proposals.status(id)).isEqualTo("CLOSED");
    }

    @Test
    void separateUnitsEachReplyAndAreEachRated() {
        long id = proposals.assigned("SEPARATE", List.of("edu", "housing"), null);
        proposals.accept(id, "edu");
        proposals.accept(id, "housing");
        proposals.replied(id, "edu", "A");
        assertThat(proposals.status(id)).isEqualTo("IN_HANDLING");
        proposals.replied(id, "housing", "C");
        assertThat(proposals.status(id)).isEqualTo("AWAITING_FEEDBACK");
        proposals.rate(id, "edu", "member1", "SATISFIED");
        assertThat(proposals.status(id)).isEqualTo("AWAITING_FEEDBACK");
        proposals.rate(id, "housing", "member1", "BASICALLY_SATISFIED");
        assertThat(proposals.status(id)).isEqualTo("CLOSED");
        assertThat(proposals.unit(id, "housing").get("reply").get("reason").asText()).isNotBlank();
    }

    @Test
    void modesAreChecked() {
        long id = proposals.filed("城市交通");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "SINGLE", "units", List.of("edu", "housing"))), 400, "units");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "LEAD_AND_CO", "units", List.of("edu"))), 400, "lead");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "LEAD_AND_CO", "units", List.of("edu"), "lead", "edu")), 400, "units");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "SEPARATE", "units", List.of("edu"))), 400, "units");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "SINGLE", "units", List.of("mars"))), 400, "units");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "ALL", "units", List.of("edu"))), 400, "mode");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "SINGLE", "units", "edu", "deadline", "tomorrow")), 400, "deadline");
        assertThat(proposals.status(id)).isEqualTo("FILED");
    }

    @Test
    void longerDeadlineNeedsAReasonAndAtMostSixMonths() {
        long id = proposals.filed("城市交通");
        String fiveMonths = Proposals.today().plusMonths(5).toString();
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "SINGLE", "units", List.of("edu"),
                "deadline", fiveMonths)), 400, "deadlineReason");
        assertProblem(api.post("office1", assignment(id), Map.of("mode", "SINGLE", "units", List.of("edu"),
                "deadline", Proposals.today().plusMonths(7).toString(), "deadlineReason", "复杂")), 400, "deadline");
        proposals.step("office1", assignment(id), Map.of("mode", "SINGLE", "units", List.of("edu"),
                "deadline", fiveMonths, "deadlineReason", "涉及多部门，需要调研"));
        JsonNode unit = proposals.unit(id, "edu");
        assertThat(unit.get("deadline").asText()).isEqualTo(fiveMonths);
        assertThat(unit.get("deadlineReason").asText()).isEqualTo("涉及多部门，需要调研");
    }

    @Test
    void objectionReassignedToAnotherUnitWhichAcceptsOnItsOwn() {
        long id = proposals.assigned("SINGLE", List.of("edu"), null);
        String acceptance = "/api/proposals/" + id + "/units/edu/acceptance";
        assertProblem(api.post("edu1", acceptance, Map.of("accept", false)), 400, "reason");
        proposals.step("edu1", acceptance, Map.of("accept", false, "reason", "不属于本局职责", "suggestedUnit", "transport"));
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("OBJECTED");

        String resolution = "/api/proposals/" + id + "/units/edu/objection-resolution";
        assertProblem(api.post("office1", resolution, Map.of("decision", "REASSIGN")), 400, "newUnit");
        assertProblem(api.post("office1", resolution, Map.of("decision", "REASSIGN", "newUnit", "edu")), 400, "newUnit");
        proposals.step("office1", resolution, Map.of("decision", "REASSIGN", "newUnit", "transport", "comment", "改由交通局办理"));

        JsonNode units = proposals.dossier(id).get("units");
        assertThat(units.findValuesAsText("code")).containsExactly("edu", "transport");
        assertThat(units.findValuesAsText("status")).containsExactly("REASSIGNED", "AWAITING_ACCEPTANCE");
        assertThat(api.get("edu1", "/api/tasks").body().findValuesAsText("proposalId")).doesNotContain(String.valueOf(id));
        proposals.accept(id, "transport");
        assertThat(proposals.unit(id, "transport").get("status").asText()).isEqualTo("HANDLING");
    }

    @Test
    void upheldObjectionLeavesTheUnitToHandleIt() {
        long id = proposals.assigned("SINGLE", List.of("edu"), null);
        proposals.step("edu1", "/api/proposals/" + id + "/units/edu/acceptance", Map.of("accept", false, "reason", "不属于本局职责"));
        proposals.step("office1", "/api/proposals/" + id + "/units/edu/objection-resolution",
                Map.of("decision", "UPHOLD", "comment", "属于教育局职责"));
        JsonNode unit = proposals.unit(id, "edu");
        assertThat(unit.get("status").asText()).isEqualTo("HANDLING");
        assertThat(unit.get("objection").get("resolution").asText()).isEqualTo("属于教育局职责");
    }

    @Test
    void silenceCountsAsAcceptanceAfterFiveWorkingDays() {
        setClock(Instant.parse("2026-11-23T02:00:00Z")); // Monday
        long id = proposals.assigned("SINGLE", List.of("housing"), null);
        assertThat(proposals.unit(id, "housing").get("acceptanceDue").asText()).isEqualTo("2026-11-30");

        setClock(Instant.parse("2026-11-30T15:00:00Z")); // 23:00 in Beijing, still within the window
        runDueJobs(id);
        assertThat(proposals.unit(id, "housing").get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");

        setClock(Instant.parse("2026-11-30T16:00:01Z"));
        runDueJobs(id);
        JsonNode unit = proposals.unit(id, "housing");
        assertThat(unit.get("status").asText()).isEqualTo("HANDLING");
        assertThat(unit.get("acceptedBySilence").asBoolean()).isTrue();
    }

    @Test
    void onlyTheAssignedUnitsHandlersAccept() {
        long id = proposals.assigned("SINGLE", List.of("edu"), null);
        assertProblem(api.post("transport1", "/api/proposals/" + id + "/units/edu/acceptance", Map.of("accept", true)), 404, null);
        assertProblem(api.post("edu-lead", "/api/proposals/" + id + "/units/edu/acceptance", Map.of("accept", true)), 403, null);
        Answer notAssigned = api.post("office1", "/api/proposals/" + id + "/units/housing/acceptance", Map.of("accept", true));
        assertProblem(notAssigned, 404, null);
        // the unit by its name, not its code (issue 14)
        assertThat(notAssigned.get("detail").asText()).isEqualTo("该提案未交办给区住房和城乡建设局");
    }
}
