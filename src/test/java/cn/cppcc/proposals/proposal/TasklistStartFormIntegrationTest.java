package cn.cppcc.proposals.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A member starts a proposal from Tasklist's start form: the same checks as the API, the same record. */
class TasklistStartFormIntegrationTest extends IntegrationTestSupport {



    static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    @Test
    void startFormRecordsTheProposalUnderItsIdAsBusinessKey() {
        var answer = api.post("member3", "/engine-rest/process-definition/key/ProposalHandlingProcess/submit-form",
                Map.of("variables", Map.of(
                        "title", value("关于加强老旧小区电梯加装的建议"),
                        "background", value("老旧小区老年人上下楼困难。"),
                        "suggestions", value("简化审批，给予补贴。"),
                        "proposerType", value("MEMBER"),
                        "suggestedCategory", value("城市建设管理"),
                        "publicConsent", value(true))));

        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        String businessKey = runtimeService.createProcessInstanceQuery()
                .processInstanceId(answer.get("id").asText()).singleResult().getBusinessKey();
        var dossier = api.get("member3", "/api/proposals/" + businessKey).body();
        assertThat(dossier.get("title").asText()).isEqualTo("关于加强老旧小区电梯加装的建议");
        assertThat(dossier.get("proposer").asText()).isEqualTo("member3");
        assertThat(dossier.get("status").asText()).isEqualTo("UNDER_REVIEW");
        // the form's fields live in the proposal, not in process variables
        assertThat(runtimeService.getVariables(answer.get("id").asText()).keySet())
                .doesNotContain("title", "background", "suggestions", "proposerType");
    }

    @Test
    void incompleteStartFormFailsWithAChineseMessageAndRecordsNothing() {
        long before = jdbc.sql("select count(*) from proposals").query(Long.class).single();
        var answer = api.post("member3", "/engine-rest/process-definition/key/ProposalHandlingProcess/submit-form",
                Map.of("variables", Map.of("title", value("只有标题"), "proposerType", value("MEMBER"),
                        "publicConsent", value(false))));

        assertThat(answer.status()).isGreaterThanOrEqualTo(400);
        assertThat(answer.body().get("message").asText()).contains("案据").contains("必须填写");
        assertThat(jdbc.sql("select count(*) from proposals").query(Long.class).single()).isEqualTo(before);
    }
}
