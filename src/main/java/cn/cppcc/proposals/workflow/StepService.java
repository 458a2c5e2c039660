package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.ConflictException;
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
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a step's user task for the API exactly as Camunda Tasklist does (a form submission),
 * so the same {@link Step} checks and applies it. The request's fields go to the step directly
 * ({@link PendingStepInput}), with their JSON types, and are never stored as process state.
 */
@Service
public class StepService {

    private final TaskService taskService;
    private final FormService formService;
    private final Map<String, Step> steps;
    private final PendingStepInput pending;

    StepService(TaskService taskService, FormService formService, List<Step> steps, PendingStepInput pending) {
        this.taskService = taskService;
        this.formService = formService;
        this.pending = pending;
        this.steps = steps.stream().collect(Collectors.toMap(Step::taskKey, Function.identity()));
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
     * @throws ConflictException when the step is not open now (409)
     */
    @Transactional
    public void complete(TaskTarget target, Map<String, ?> input) {
        Task task = openTask(target).orElseThrow(() -> new ConflictException("该步骤当前不可办理"));
        Step step = steps.get(target.taskKey());
        Map<String, Object> fields = new HashMap<>();
        if (input != null) {
            // Only the step's own fields: nothing else of a request reaches the engine.
            input.forEach((name, value) -> {
                if (step.fields().contains(name)) {
                    fields.put(name, value);
                }
            });
        }
        pending.offer(task.getId(), fields);
        try {
            formService.submitTaskForm(task.getId(), Variables.createVariables());
        } finally {
            pending.clear(task.getId());
        }
    }
}
