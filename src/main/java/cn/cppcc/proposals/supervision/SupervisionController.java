package cn.cppcc.proposals.supervision;

import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.StepResult;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/proposals/{id}/supervision {note, unit?}}: the office or a key proposal's
 * supervisor completes the open supervision task they may work (a unit's overdue reply, or the key
 * proposal's own); {@code unit} picks one of several overdue units.
 */
@RestController
class SupervisionController {

    private final ProposalAccess access;
    private final ProposalService proposals;
    private final SupervisionService supervision;
    private final StepService steps;
    private final UnitAssignmentService assignments;
    private final CurrentActor currentActor;

    SupervisionController(ProposalAccess access, ProposalService proposals, SupervisionService supervision,
            StepService steps, UnitAssignmentService assignments, CurrentActor currentActor) {
        this.access = access;
        this.proposals = proposals;
        this.supervision = supervision;
        this.steps = steps;
        this.assignments = assignments;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/proposals/{id}/supervision")
    StepResult supervise(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        steps.requireMayTake(TaskTarget.of(id, UnitHandlingProcess.TASK_SUPERVISE_OVERDUE), actor);
        Input input = Input.of(body);
        String unit = input.text("unit", 32);
        input.validate();
        List<Task> open = new ArrayList<>();
        for (Task task : steps.openTasks(id, UnitHandlingProcess.TASK_SUPERVISE_OVERDUE)) {
            if (unit == null || assignments.unitOf(task.getProcessInstanceId()).filter(unit::equals).isPresent()) {
                open.add(task);
            }
        }
        if (unit == null) {
            open.addAll(steps.openTasks(id, ProposalHandlingProcess.TASK_SUPERVISE_KEY_PROPOSAL).stream()
                    .filter(task -> actor.userId().equals(task.getAssignee())).toList());
        }
        if (open.isEmpty()) {
            throw new ConflictException("「逾期督办」「重点提案督办」当前不可办理：没有待办的督办任务");
        }
        Task task = open.get(0);
        steps.complete(TaskTarget.task(id, task.getTaskDefinitionKey(), task.getId()), body);
        return StepResult.of(proposals.require(id));
    }

    @GetMapping("/api/proposals/{id}/supervision")
    List<SupervisionService.Note> notes(@PathVariable long id) {
        access.requireVisible(id, currentActor.get());
        return supervision.notes(id);
    }
}
