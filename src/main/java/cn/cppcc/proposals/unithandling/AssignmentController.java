package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.StepResult;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Assignment, acceptance or objection, and the office's resolution (API.md "Steps"). */
@RestController
class AssignmentController {

    private final ProposalAccess access;
    private final ProposalService proposals;
    private final UnitAssignmentService assignments;
    private final UnitSuggestions suggestions;
    private final StepService steps;
    private final CurrentActor currentActor;

    AssignmentController(ProposalAccess access, ProposalService proposals, UnitAssignmentService assignments,
            UnitSuggestions suggestions, StepService steps, CurrentActor currentActor) {
        this.access = access;
        this.proposals = proposals;
        this.assignments = assignments;
        this.suggestions = suggestions;
        this.steps = steps;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/proposals/{id}/unit-suggestions")
    List<UnitSuggestions.Suggestion> unitSuggestions(@PathVariable long id) {
        Actor actor = currentActor.get();
        Proposal proposal = access.requireVisible(id, actor);
        // the suggestions serve who may assign
        steps.requireMayTake(TaskTarget.of(id, ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL), actor);
        return suggestions.suggest(proposal);
    }

    @PostMapping("/api/proposals/{id}/assignment")
    StepResult assign(@PathVariable long id, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL), body);
        return StepResult.of(proposals.require(id));
    }

    @PostMapping("/api/proposals/{id}/units/{unit}/acceptance")
    StepResult accept(@PathVariable long id, @PathVariable String unit, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT), body);
        return StepResult.of(proposals.require(id));
    }

    @PostMapping("/api/proposals/{id}/units/{unit}/objection-resolution")
    StepResult resolveObjection(@PathVariable long id, @PathVariable String unit,
            @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_RESOLVE_OBJECTION), body);
        return StepResult.of(proposals.require(id));
    }
}
