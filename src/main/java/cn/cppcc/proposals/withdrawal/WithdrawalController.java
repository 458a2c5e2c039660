package cn.cppcc.proposals.withdrawal;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.StepResult;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/proposals/{id}/withdrawal {reason}} by the proposer, and after filing
 * {@code POST /api/proposals/{id}/withdrawal/approval {approve, comment?}} by the office.
 */
@RestController
class WithdrawalController {

    private final WithdrawalService withdrawals;
    private final ProposalAccess access;
    private final ProposalService proposals;
    private final StepService steps;
    private final CurrentActor currentActor;

    WithdrawalController(WithdrawalService withdrawals, ProposalAccess access, ProposalService proposals,
            StepService steps, CurrentActor currentActor) {
        this.withdrawals = withdrawals;
        this.access = access;
        this.proposals = proposals;
        this.steps = steps;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/proposals/{id}/withdrawal")
    StepResult request(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        withdrawals.request(id, body, actor);
        return StepResult.of(proposals.require(id));
    }

    @PostMapping("/api/proposals/{id}/withdrawal/approval")
    StepResult approve(@PathVariable long id, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_APPROVE_WITHDRAWAL), body);
        return StepResult.of(proposals.require(id));
    }

    @GetMapping("/api/proposals/{id}/withdrawal")
    List<WithdrawalService.Withdrawal> list(@PathVariable long id) {
        access.requireVisible(id, currentActor.get());
        return withdrawals.of(id);
    }
}
