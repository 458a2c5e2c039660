package cn.cppcc.proposals.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 10: at will before filing; after filing with the office's approval, until a reply is sent. */
class WithdrawalIntegrationTest extends IntegrationTestSupport {

    String withdrawal(long id) {
        return "/api/proposals/" + id + "/withdrawal";
    }

    @Test
    void proposerWithdrawsAtWillBeforeFiling() {
        long id = proposals.submitted();
        assertProblem(api.post("member1", withdrawal(id), Map.of()), 400, "reason");
        assertProblem(api.post("member2", withdrawal(id), Map.of("reason", "x")), 404, null);
        assertProblem(api.post("office1", withdrawal(id), Map.of("reason", "x")), 403, null);

        proposals.step("member1", withdrawal(id), Map.of("reason", "情况已变化"));

        assertThat(proposals.status(id)).isEqualTo("WITHDRAWN");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).count()).isZero();
        assertThat(notifications(id, "WITHDRAWAL_DECIDED").get(0).get("body").asText()).contains("已撤回");
        assertProblem(api.post("member1", withdrawal(id), Map.of("reason", "again")), 409, null);
    }

    @Test
    void filedProposalIsWithdrawnOnlyWithTheOfficesApprovalEndingTheUnitsWork() {
        long id = proposals.assigned("SEPARATE", List.of("edu", "housing"), null);
        proposals.accept(id, "edu");
        proposals.step("member1", withdrawal(id), Map.of("reason", "问题已解决"));

        assertThat(proposals.status(id)).isEqualTo("IN_HANDLING");
        assertThat(notifications(id, "WITHDRAWAL_REQUESTED").get(0).get("recipient").asText()).isEqualTo("office1");
        assertProblem(api.post("member1", withdrawal(id), Map.of("reason", "再次申请")), 409, null);
        assertProblem(api.post("member1", withdrawal(id) + "/approval", Map.of("approve", true)), 403, null);
        assertProblem(api.post("office1", withdrawal(id) + "/approval", Map.of("approve", false)), 400, "comment");

        proposals.step("office1", withdrawal(id) + "/approval", Map.of("approve", true));

        assertThat(proposals.status(id)).isEqualTo("WITHDRAWN");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).count()).isZero();
        assertThat(proposals.dossier(id).get("withdrawals").get(0).get("decision").asText()).isEqualTo("APPROVED");
    }

    @Test
    void refusedWithdrawalLeavesTheProposalWithItsUnits() {
        long id = proposals.handledBy("edu");
        proposals.step("member1", withdrawal(id), Map.of("reason", "不想办了"));
        proposals.step("office1", withdrawal(id) + "/approval", Map.of("approve", false, "comment", "已进入办理，请配合"));

        assertThat(proposals.status(id)).isEqualTo("IN_HANDLING");
        assertThat(notifications(id, "WITHDRAWAL_DECIDED").get(0).get("body").asText()).contains("不同意撤回", "已进入办理");
        proposals.replied(id, "edu", "A");
        assertThat(proposals.unit(id, "edu").get("status").asText()).isEqualTo("REPLIED");
    }

    @Test
    void noWithdrawalOnceAReplyWasSent() {
        long id = proposals.handledBy("transport");
        proposals.replied(id, "transport", "A");
        assertProblem(api.post("member1", withdrawal(id), Map.of("reason", "晚了")), 409, null);
    }
}
