package cn.cppcc.proposals.followup;

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
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/proposals/{id}/follow-up {result, unit?}}: the office; {@code unit} picks one of several. */
@RestController
class FollowUpController {

    private final ProposalAccess access;
    private final ProposalService proposals;
    private final StepService steps;
    private final TaskService taskService;
    private final CurrentActor currentActor;

    FollowUpController(ProposalAccess access, ProposalService proposals, StepService steps, TaskService taskService,
            CurrentActor currentActor) {
        this.access = access;
        this.proposals = proposals;
        this.steps = steps;
        this.taskService = taskService;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/proposals/{id}/follow-up")
    StepResult followUp(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        steps.requireMayTake(TaskTarget.of(id, ProposalHandlingProcess.TASK_FOLLOW_UP), actor);
        Input input = Input.of(body);
        String unit = input.text("unit", 32);
        input.validate();
        var open = steps.openTasks(id, ProposalHandlingProcess.TASK_FOLLOW_UP).stream()
                .filter(task -> unit == null || unit.equals(unitOf(task))).toList();
        if (open.isEmpty()) {
            throw new ConflictException("「回头看」当前不可办理：没有到期的回头看");
        }
        if (open.size() > 1 && unit == null) {
            throw new cn.cppcc.proposals.shared.InvalidInputException("unit", "有多个单位的回头看到期，请指明单位");
        }
        steps.complete(TaskTarget.task(id, ProposalHandlingProcess.TASK_FOLLOW_UP, open.get(0).getId()), body);
        return StepResult.of(proposals.require(id));
    }

    /** The unit of a follow-up: the element of the follow-ups' multi-instance (FollowUpSchedule.units). */
    private String unitOf(Task task) {
        return (String) taskService.getVariable(task.getId(), ProposalVariables.UNIT_CODE);
    }
}
