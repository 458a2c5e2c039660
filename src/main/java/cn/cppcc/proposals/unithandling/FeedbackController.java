package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.StepResult;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The proposer's rating and the office's coordination after DISSATISFIED (API.md "Steps"). */
@RestController
class FeedbackController {

    private final ProposalAccess access;
    private final ProposalService proposals;
    private final UnitAssignmentService assignments;
    private final StepService steps;
    private final CurrentActor currentActor;

    FeedbackController(ProposalAccess access, ProposalService proposals, UnitAssignmentService assignments,
            StepService steps, CurrentActor currentActor) {
        this.access = access;
        this.proposals = proposals;
        this.assignments = assignments;
        this.steps = steps;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/proposals/{id}/units/{unit}/feedback")
    StepResult feedback(@PathVariable long id, @PathVariable String unit, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_RATE_REPLY), body);
        return StepResult.of(proposals.require(id));
    }

    @PostMapping("/api/proposals/{id}/units/{unit}/coordination")
    StepResult coordination(@PathVariable long id, @PathVariable String unit, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING), body);
        return StepResult.of(proposals.require(id));
    }
}
