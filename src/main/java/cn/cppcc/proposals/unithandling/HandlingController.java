package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.StepResult;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Opinion, consultations, reply and sign-off (API.md "Steps"). */
@RestController
class HandlingController {

    private final ProposalAccess access;
    private final ProposalService proposals;
    private final UnitAssignmentService assignments;
    private final HandlingInputs inputs;
    private final Consultations consultations;
    private final StepService steps;
    private final CurrentActor currentActor;
    private final TransactionTemplate transaction;

    HandlingController(ProposalAccess access, ProposalService proposals, UnitAssignmentService assignments,
            HandlingInputs inputs, Consultations consultations, StepService steps,
            CurrentActor currentActor, TransactionTemplate transaction) {
        this.access = access;
        this.proposals = proposals;
        this.assignments = assignments;
        this.inputs = inputs;
        this.consultations = consultations;
        this.steps = steps;
        this.currentActor = currentActor;
        this.transaction = transaction;
    }

    @PostMapping("/api/proposals/{id}/units/{unit}/opinion")
    StepResult opinion(@PathVariable long id, @PathVariable String unit, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_SEND_OPINION), body);
        return StepResult.of(proposals.require(id));
    }

    record Recorded(long id) {}

    /** Rule 6: repeatable while the unit handles the proposal; no task behind it. */
    @PostMapping("/api/proposals/{id}/units/{unit}/consultations")
    ResponseEntity<Recorded> consultation(@PathVariable long id, @PathVariable String unit,
            @RequestBody Map<String, Object> body) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        Long consultationId = consultations.record(id, unit, body, actor);
        return ResponseEntity.created(URI.create("/api/proposals/" + id + "/units/" + unit + "/consultations/" + consultationId))
                .body(new Recorded(consultationId));
    }

    @PostMapping("/api/proposals/{id}/units/{unit}/reply")
    StepResult reply(@PathVariable long id, @PathVariable String unit, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        Map<String, Object> reply = new HashMap<>(body);
        reply.put("action", HandlingAction.REPLY.name());
        steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_DRAFT_REPLY), reply);
        return StepResult.of(proposals.require(id));
    }

    @PostMapping("/api/proposals/{id}/units/{unit}/sign-off")
    StepResult signOff(@PathVariable long id, @PathVariable String unit, @RequestBody Map<String, Object> body) {
        access.requireVisible(id, currentActor.get());
        steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_SIGN_OFF_REPLY), body);
        return StepResult.of(proposals.require(id));
    }

    /** Rule 7: the office corrects the class of a unit's sent reply, with a reason; no task behind it. */
    @PostMapping("/api/proposals/{id}/units/{unit}/reply/classification")
    StepResult correctReplyClass(@PathVariable long id, @PathVariable String unit, @RequestBody Map<String, Object> body) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以更正答复类别");
        }
        transaction.executeWithoutResult(
                status -> inputs.correctReplyClass(assignments.current(id, unit), Input.of(body), actor));
        return StepResult.of(proposals.require(id));
    }
}
