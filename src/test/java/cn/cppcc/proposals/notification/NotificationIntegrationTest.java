package cn.cppcc.proposals.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without an SMTP server (the demo) every notification is recorded and the office reads it: who,
 * what, when, state. The texts come from the editable Chinese templates.
 */
class NotificationIntegrationTest extends IntegrationTestSupport {

    static List<String> recipients(List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.get("recipient").asText()).toList();
    }

    @Test
    void eachStepTellsThoseWhoMustActOrShouldKnow() {
        Map<String, Object> joint = Proposals.submission("关于增设学校周边人行天桥的建议");
        joint.put("proposerType", "JOINT");
        joint.put("coProposers", List.of("member2"));
        long id = proposals.submit("member1", joint);
        assertThat(recipients(notifications(id, "CO_PROPOSER_CONFIRMATION_REQUESTED"))).containsExactly("member2");
        proposals.step("member2", "/api/proposals/" + id + "/co-proposers/member2/confirmation", Map.of("confirm", true));

        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
        assertThat(recipients(notifications(id, "PROPOSAL_FILED"))).containsExactlyInAnyOrder("member1", "member2");
        proposals.assign(id, "SINGLE", List.of("transport"), null);
        assertThat(recipients(notifications(id, "ASSIGNED_TO_UNIT"))).containsExactly("transport1");
        proposals.accept(id, "transport");
        proposals.consult(id, "transport", "FACE_TO_FACE");
        proposals.reply(id, "transport", "A");
        assertThat(recipients(notifications(id, "SIGN_OFF_REQUESTED"))).containsExactly("transport-lead");
        proposals.signOff(id, "transport", true);

        List<JsonNode> sent = notifications(id, "REPLY_SENT");
        assertThat(recipients(sent)).containsExactlyInAnyOrder("member1", "member2");
        JsonNode toProposer = sent.stream().filter(n -> n.get("recipient").asText().equals("member1")).findFirst().orElseThrow();
        assertThat(toProposer.get("subject").asText()).startsWith("提案答复：");
        assertThat(toProposer.get("body").asText()).contains("李华", "区交通运输局", "经研究，答复如下", "/proposals/" + id);
        assertThat(toProposer.get("email").asText()).isEqualTo("member1@example.org");
        assertThat(toProposer.get("state").asText()).isEqualTo("RECORDED");
        assertThat(recipients(notifications(id, "RATING_REQUESTED"))).containsExactly("member1");

        proposals.rate(id, "transport", "member1", "DISSATISFIED");
        assertThat(recipients(notifications(id, "RE_HANDLING_REQUESTED"))).containsExactly("office1");
        proposals.step("office1", "/api/proposals/" + id + "/units/transport/coordination", Map.of("note", "请再次协商"));
        assertThat(notifications(id, "HANDLE_AGAIN").get(0).get("body").asText()).contains("请再次协商");
    }

    @Test
    void reviewOutcomesReachTheProposerWithTheirReasons() {
        long returned = proposals.submitted();
        proposals.review(returned, Map.of("decision", "RETURN", "comment", "请补充调研数据"));
        assertThat(notifications(returned, "RETURNED_FOR_REVISION").get(0).get("body").asText()).contains("请补充调研数据");

        long rejected = proposals.submitted();
        proposals.review(rejected, Map.of("decision", "REJECT", "rejectGround", "PERSONAL", "comment", "属于个人事务"));
        assertThat(notifications(rejected, "NOT_FILED").get(0).get("body").asText()).contains("个人或家庭事务", "属于个人事务");

        long converted = proposals.submitted();
        proposals.review(converted, Map.of("decision", "CONVERT", "convertTo", "edu"));
        assertThat(notifications(converted, "CONVERTED").get(0).get("body").asText()).contains("区教育局");

        long target = proposals.filed("城市交通");
        long merged = proposals.submit("member3", Proposals.submission("关于校门口交通的建议"));
        proposals.review(merged, Map.of("decision", "MERGE", "mergeInto", target));
        JsonNode mergedMail = notifications(merged, "MERGED").get(0);
        assertThat(mergedMail.get("recipient").asText()).isEqualTo("member3");
        assertThat(mergedMail.get("body").asText()).contains(proposals.dossier(target).get("number").asText());
    }

    @Test
    void objectionsReachTheOffice() {
        long id = proposals.assigned("SINGLE", List.of("edu"), null);
        proposals.step("edu1", "/api/proposals/" + id + "/units/edu/acceptance", Map.of("accept", false, "reason", "职责不符"));
        JsonNode mail = notifications(id, "OBJECTION_RAISED").get(0);
        assertThat(mail.get("recipient").asText()).isEqualTo("office1");
        assertThat(mail.get("body").asText()).contains("职责不符", "区教育局");
    }

    @Test
    void adminsEditTemplatesWithoutARebuild() {
        var update = api.put("admin", "/api/admin/mail-templates/PROPOSAL_FILED",
                Map.of("subject", "【已立案】{title}", "body", "{recipientName}：提案号{proposalNumber}。"));
        assertThat(update.status()).as("%s", update.body()).isEqualTo(200);
        try {
            long id = proposals.filed("教科文卫");
            JsonNode mail = notifications(id, "PROPOSAL_FILED").get(0);
            assertThat(mail.get("subject").asText()).isEqualTo("【已立案】关于改善学校周边交通秩序的建议");
            assertThat(mail.get("body").asText()).isEqualTo("李华：提案号" + proposals.dossier(id).get("number").asText() + "。");
        } finally {
            api.put("admin", "/api/admin/mail-templates/PROPOSAL_FILED",
                    Map.of("subject", "提案已立案：{title}", "body", "{recipientName}：\n\n您提出的提案《{title}》已经立案，提案号为"
                            + "{proposalNumber}，类别：{category}。我们将尽快交有关单位办理。\n\n{link}"));
        }
        assertProblem(api.put("admin", "/api/admin/mail-templates/PROPOSAL_FILED",
                Map.of("subject", "{secret}", "body", "x")), 400, "subject");
        assertProblem(api.put("admin", "/api/admin/mail-templates/NO_SUCH_EVENT", Map.of("subject", "x", "body", "x")), 400, "event");
        assertProblem(api.put("office1", "/api/admin/mail-templates/PROPOSAL_FILED", Map.of("subject", "x", "body", "x")), 403, null);
        assertThat(api.get("admin", "/api/admin/mail-templates").body()).hasSize(NotificationEvent.values().length);
    }

    @Test
    void onlyTheOfficeAndAuditorsReadNotifications() {
        assertThat(api.get("auditor1", "/api/notifications").status()).isEqualTo(200);
        assertProblem(api.get("member1", "/api/notifications"), 403, null);
        assertProblem(api.get("edu1", "/api/notifications"), 403, null);
        assertProblem(api.get("office1", "/api/notifications?state=LOST"), 400, "state");
    }
}
