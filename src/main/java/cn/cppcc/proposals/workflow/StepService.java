package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a step's user task for the API and the pages exactly as Camunda Tasklist does (a form
 * submission), so the same {@link Step} checks and applies it. The request's fields reach the step
 * with their JSON types (a list stays a list) and are never stored as process state. Who may take
 * the step is asked before the task is looked up, so that a stranger gets 403 whether or not the
 * step is open; the engine's listener asks again for every door.
 */
@Service
public class StepService {

    private final TaskService taskService;
    private final FormService formService;
    private final Map<String, Step> steps;
    private final StepSubjects subjects;
    private final StepGuard guard;
    private final CurrentActor currentActor;

    StepService(TaskService taskService, FormService formService, List<Step> steps, StepSubjects subjects,
            StepGuard guard, CurrentActor currentActor) {
        this.taskService = taskService;
        this.formService = formService;
        this.subjects = subjects;
        this.guard = guard;
        this.currentActor = currentActor;
        this.steps = steps.stream().collect(Collectors.toMap(Step::taskKey, Function.identity()));
    }

    /** Why the actor may not take the step, or {@code null} when they may: for pages that show its form. */
    public String refusal(TaskTarget target, Actor actor) {
        Taker taker = step(target).taker();
        return guard.may(taker, subjects.of(target), actor) ? null : taker.refusal();
    }

    /**
     * Refuses an actor who may not take the step; also for what belongs to a step without a task of
     * its own (consultations belong to the reply step).
     *
     * @throws ForbiddenException (403)
     */
    public void requireMayTake(TaskTarget target, Actor actor) {
        guard.check(step(target).taker(), subjects.of(target), actor);
    }

    private Step step(TaskTarget target) {
        Step step = steps.get(target.taskKey());
        if (step == null) {
            throw new IllegalArgumentException("No step for user task " + target.taskKey());
        }
        return step;
    }

    /** The open task, if the step is open now. */
    public Optional<Task> openTask(TaskTarget target) {
        TaskQuery query = taskService.createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(target.proposalId()))
                .taskDefinitionKey(target.taskKey());
        if (target.processInstanceId() != null) {
            query.processInstanceId(target.processInstanceId());
        }
        if (target.assignee() != null) {
            query.taskAssignee(target.assignee());
        }
        if (target.taskId() != null) {
            query.taskId(target.taskId());
        }
        List<Task> tasks = query.list();
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0));
    }

    /** The open tasks of one kind in the proposal (several for multi-instance steps), oldest first. */
    public List<Task> openTasks(long proposalId, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposalId))
                .taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
    }

    /**
     * Completes the open task of {@code target} with {@code input} in the caller's transaction.
     *
     * @throws ForbiddenException when the actor may not take the step (403)
     * @throws ConflictException when the step is not open now (409)
     */
    @Transactional
    public void complete(TaskTarget target, Map<String, ?> input) {
        Step step = step(target);
        requireMayTake(target, currentActor.get());
        Task task = openTask(target).orElseThrow(() -> new ConflictException("该步骤当前不可办理"));
        Map<String, Object> fields = new HashMap<>();
        if (input != null) {
            // The API ignores what a body has beyond the step's fields (API.md); the form takes only these.
            input.forEach((name, value) -> {
                if (step.fields().contains(name)) {
                    fields.put(name, value);
                }
            });
        }
        formService.submitTaskForm(task.getId(), fields);
    }
}
