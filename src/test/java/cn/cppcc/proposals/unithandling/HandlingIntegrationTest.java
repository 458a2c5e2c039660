package cn.cppcc.proposals.unithandling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules 6 and 7: consult first, then reply; the leader signs off or returns the reply. */
class HandlingIntegrationTest extends IntegrationTestSupport {

    String unitPath(long id, String unit, String step) {
        return "/api/proposals/" + id + "/units/" + unit + "/" + step;
    }

    @Test
    void replyBeforeAnyConsultationIsRefused() {
        long id = proposals.handledBy("edu");
        assertProblem(api.post("edu1", unitPath(id, "edu", "reply"), Map.of("classification", "A", "text", "已采纳")),
                400, "consultations");
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("HANDLING");
    }

    @Test
    void consultationsAreRecordedWithoutATaskAndChecked() {
        long id = proposals.handledBy("edu");
        assertProblem(api.post("edu1", unitPath(id, "edu", "consultations"), Map.of("method", "VIDEO", "date", "2026-01-01",
                "participants", "a", "summary", "b")), 400, "method");
        assertProblem(api.post("edu1", unitPath(id, "edu", "consultations"), Map.of("method", "PHONE", "date", "2999-01-01",
                "participants", "a", "summary", "b")), 400, "date");
        assertProblem(api.post("edu1", unitPath(id, "edu", "consultations"), Map.of("method", "PHONE")), 400, "summary");
        proposals.consult(id, "edu", "PHONE");
        proposals.consult(id, "edu", "SITE_VISIT");
        assertThat(proposals.unit(id, "edu").get("consultations").findValuesAsText("method")).containsExactly("PHONE", "SITE_VISIT");
        assertProblem(api.post("transport1", unitPath(id, "edu", "consultations"), Map.of("method", "PHONE")), 404, null);
    }

    @Test
    void keyProposalNeedsAFaceToFaceConsultation() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "FILE", "category", "教科文卫", "key", true, "supervisor", "chair1"));
        proposals.assign(id, "SINGLE", List.of("edu"), null);
        proposals.accept(id, "edu");
        proposals.consult(id, "edu", "PHONE");
        assertProblem(api.post("edu1", unitPath(id, "edu", "reply"), Map.of("classification", "A", "text", "已采纳")),
                400, "consultations");
        proposals.consult(id, "edu", "FACE_TO_FACE");
        proposals.reply(id, "edu", "A");
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("AWAITING_SIGN_OFF");
    }

    @Test
    void replyClassesNeedTheirDetails() {
        long id = proposals.handledBy("housing");
        proposals.consult(id, "housing", "FACE_TO_FACE");
        String reply = unitPath(id, "housing", "reply");
        assertProblem(api.post("housing1", reply, Map.of("text", "答复")), 400, "classification");
        assertProblem(api.post("housing1", reply, Map.of("classification", "E", "text", "答复")), 400, "classification");
        assertProblem(api.post("housing1", reply, Map.of("classification", "B", "text", "正在解决")), 400, "committedDate");
        assertProblem(api.post("housing1", reply, Map.of("classification", "B", "text", "正在解决",
                "committedDate", "2020-01-01")), 400, "committedDate");
        assertProblem(api.post("housing1", reply, Map.of("classification", "C", "text", "留作参考")), 400, "reason");
        assertProblem(api.post("housing1", reply, Map.of("classification", "A")), 400, "text");
        assertProblem(api.post("housing1", reply, Map.of("classification", "A", "text", "x".repeat(10001))), 400, "text");
        assertProblem(api.post("housing1", reply, Map.of("classification", "A", "text", "答复", "leaderPhone", "call me")),
                400, "leaderPhone");
        assertThat(proposals.unit(id, "housing").get("status").asText()).isEqualTo("HANDLING");
    }

    @Test
    void leaderReturnsTheReplyWhichIsRedraftedAndSignedOff() {
        long id = proposals.handledBy("edu");
        proposals.consult(id, "edu", "FACE_TO_FACE");
        proposals.reply(id, "edu", "B");
        assertProblem(api.post("edu1", unitPath(id, "edu", "sign-off"), Map.of("approve", true)), 403, null);
        assertProblem(api.post("edu-lead", unitPath(id, "edu", "sign-off"), Map.of("approve", false)), 400, "comment");
        proposals.signOff(id, "edu", false);
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("HANDLING");
        assertThat(api.get("member1", "/api/proposals/" + id).body().get("units").get(0).get("replies")).isEmpty();

        proposals.reply(id, "edu", "A");
        proposals.signOff(id, "edu", true);

        JsonNode unit = proposals.unit(id, "edu");
        assertThat(unit.get("status").asText()).isEqualTo("REPLIED");
        assertThat(unit.get("reply").get("classification").asText()).isEqualTo("A");
        assertThat(unit.get("reply").get("signedBy").asText()).isEqualTo("edu-lead");
        assertThat(unit.get("reply").get("sentAt").asText()).isNotEmpty();
        assertThat(unit.get("replies").findValuesAsText("status")).containsExactly("RETURNED", "SENT");
        JsonNode seenByMember = api.get("member1", "/api/proposals/" + id).body().get("units").get(0);
        assertThat(seenByMember.get("replies").findValuesAsText("status")).containsExactly("SENT");
    }

    @Test
    void signingOffWhenNothingAwaitsItIsAConflict() {
        long id = proposals.handledBy("edu");
        assertProblem(api.post("edu-lead", unitPath(id, "edu", "sign-off"), Map.of("approve", true)), 409, null);
    }

    @Test
    void replyCompletedInTasklistWithoutAClassFailsWithAChineseMessage() {
        long id = proposals.handledBy("transport");
        proposals.consult(id, "transport", "PHONE");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey("Task_DraftReply").singleResult().getId();

        // What Camunda Tasklist sends for the form, through the engine's REST API, as the handler.
        var answer = api.post("transport1", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
                "action", Map.of("value", "REPLY", "type", "String"),
                "text", Map.of("value", "我们将尽快研究", "type", "String"))));

        assertThat(answer.status()).isBetween(400, 500);
        assertThat(answer.body().get("message").asText()).contains("答复类别").contains("必须选择");
        assertThat(proposals.unit(id, "transport").get("status").asText()).isEqualTo("HANDLING");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void replyCompletedInTasklistGoesThroughTheSameStep() {
        long id = proposals.handledBy("transport");
        proposals.consult(id, "transport", "PHONE");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey("Task_DraftReply").singleResult().getId();

        var answer = api.post("transport1", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
                "action", Map.of("value", "REPLY"), "classification", Map.of("value", "A"),
                "text", Map.of("value", "已采纳，将于年内实施"))));

        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(204);
        JsonNode unit = proposals.unit(id, "transport");
        assertThat(unit.get("status").asText()).isEqualTo("AWAITING_SIGN_OFF");
        assertThat(unit.get("replies").get(0).get("text").asText()).isEqualTo("已采纳，将于年内实施");
        // the form's fields are in the project's tables, not left behind as process variables
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey("Task_SignOffReply").count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ACT_RU_VARIABLE where NAME_ in ('text', 'classification')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void tasklistUserOutsideTheUnitCannotCompleteItsTask() {
        long id = proposals.handledBy("transport");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey("Task_DraftReply").singleResult().getId();
        var answer = api.post("edu1", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
                "action", Map.of("value", "CONSULTATION"), "method", Map.of("value", "PHONE"),
                "date", Map.of("value", Proposals.today().toString()), "participants", Map.of("value", "x"),
                "summary", Map.of("value", "y"))));
        assertThat(answer.status()).isGreaterThanOrEqualTo(400);
        assertThat(proposals.unit(id, "transport").get("consultations")).isEmpty();
    }

    @Test
    void theOfficeCorrectsASentReplysClassWithAReason() {
        long id = proposals.handledBy("edu");
        String correction = unitPath(id, "edu", "reply/classification");
        Map<String, Object> toA = Map.of("classification", "A", "correctionReason", "所提建议已全部落实，应为A类");
        assertProblem(api.post("office1", correction, toA), 409, null);   // nothing sent yet

        proposals.replied(id, "edu", "C");
        assertProblem(api.post("edu1", correction, toA), 403, null);
        assertProblem(api.post("member1", correction, toA), 403, null);
        assertProblem(api.post("office1", correction, Map.of("classification", "A")), 400, "correctionReason");
        assertProblem(api.post("office1", correction, Map.of("classification", "E", "correctionReason", "x")), 400,
                "classification");
        assertProblem(api.post("office1", correction, Map.of("classification", "B", "correctionReason", "x")), 400,
                "committedDate");
        assertThat(proposals.unit(id, "edu").at("/reply/classification").asText()).isEqualTo("C");

        assertThat(api.post("office1", correction, toA).status()).isEqualTo(200);
        JsonNode reply = proposals.unit(id, "edu").get("reply");
        assertThat(reply.get("classification").asText()).isEqualTo("A");
        assertThat(reply.at("/classCorrection/originalClassification").asText()).isEqualTo("C");
        assertThat(reply.at("/classCorrection/reason").asText()).isEqualTo("所提建议已全部落实，应为A类");
        assertThat(reply.at("/classCorrection/by").asText()).isEqualTo("office1");
        // the proposer sees the class that counts and why it changed
        JsonNode seenByMember = api.get("member1", "/api/proposals/" + id).body();
        assertThat(seenByMember.findValuesAsText("originalClassification")).containsOnly("C");
        assertThat(seenByMember.findValuesAsText("classification")).containsOnly("A");
        JsonNode recorded = api.get("auditor1", "/api/audit/events?action=REPLY_CLASS_CORRECTED&proposal=" + id).body();
        assertThat(recorded.findValuesAsText("actor")).containsExactly("office1");
        assertThat(recorded.findValuesAsText("actionName")).containsExactly("更正答复类别：C类改为A类");
    }
}
