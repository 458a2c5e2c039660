package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Submission, co-proposers' confirmations and revision (API.md "Proposals" and "Steps"). */
@RestController
class ProposalController {

    private final SubmissionService submissions;
    private final ProposalAccess access;
    private final ProposalService proposals;
    private final StepService steps;
    private final CurrentActor currentActor;

    ProposalController(SubmissionService submissions, ProposalAccess access, ProposalService proposals,
            StepService steps, CurrentActor currentActor) {
        this.submissions = submissions;
        this.access = access;
        this.proposals = proposals;
        this.steps = steps;
        this.currentActor = currentActor;
    }

    record Submitted(long id, int serialNo, ProposalStatus status) {}

    @PostMapping("/api/proposals")
    ResponseEntity<Submitted> submit(@RequestBody Map<String, Object> body) {
        Proposal p = submissions.submit(body, currentActor.get());
        return ResponseEntity.created(URI.create("/api/proposals/" + p.getId()))
                .body(new Submitted(p.getId(), p.getSerialNo(), p.getStatus()));
    }

    @PostMapping("/api/proposals/{id}/co-proposers/{user}/confirmation")
    StepResult confirm(@PathVariable long id, @PathVariable String user, @RequestBody Map<String, Object> body) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        if (!actor.userId().equals(user)) {
            throw new ForbiddenException("只能由联名人本人确认");
        }
        steps.complete(TaskTarget.assignedTo(id, ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL, user), body);
        return StepResult.of(proposals.require(id));
    }

    @PostMapping("/api/proposals/{id}/revision")
    StepResult revise(@PathVariable long id, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_REVISE_PROPOSAL), body);
        return StepResult.of(proposals.require(id));
    }
}
