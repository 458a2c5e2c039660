package cn.cppcc.proposals.review;

import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.StepResult;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/proposals/{id}/review}: the office only. */
@RestController
class ReviewController {

    private final ProposalAccess access;
    private final ProposalService proposals;
    private final StepService steps;
    private final CurrentActor currentActor;

    ReviewController(ProposalAccess access, ProposalService proposals, StepService steps, CurrentActor currentActor) {
        this.access = access;
        this.proposals = proposals;
        this.steps = steps;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/proposals/{id}/review")
    StepResult review(@PathVariable long id, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_REVIEW_PROPOSAL), body);
        return StepResult.of(proposals.require(id));
    }
}
