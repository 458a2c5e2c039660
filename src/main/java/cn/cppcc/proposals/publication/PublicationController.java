package cn.cppcc.proposals.publication;

import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.StepResult;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/proposals/{id}/publication {publish}}: the office decides on the open
 * publication step, the proposal's (after filing) or its replies' (after closing).
 */
@RestController
class PublicationController {

    private final ProposalAccess access;
    private final ProposalService proposals;
    private final StepService steps;
    private final CurrentActor currentActor;

    PublicationController(ProposalAccess access, ProposalService proposals, StepService steps, CurrentActor currentActor) {
        this.access = access;
        this.proposals = proposals;
        this.steps = steps;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/proposals/{id}/publication")
    StepResult publication(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        steps.requireMayTake(TaskTarget.of(id, ProposalHandlingProcess.TASK_DECIDE_PUBLICATION), actor);
        for (String key : List.of(ProposalHandlingProcess.TASK_DECIDE_PUBLICATION, ProposalHandlingProcess.TASK_PUBLISH_REPLIES)) {
            if (steps.openTask(TaskTarget.of(id, key)).isPresent()) {
                steps.complete(TaskTarget.of(id, key), body);
                return StepResult.of(proposals.require(id));
            }
        }
        throw new ConflictException("「决定是否公开」「公开答复」当前不可办理：提案者未同意公开，或已决定");
    }
}
