package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.InvalidInputException;
import java.util.Collection;
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
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a step's user task for the API exactly as Camunda Tasklist does (a form submission),
 * so the same {@link Step} checks and applies it. The input travels as transient variables: it is
 * read by the step and never stored as process state.
 */
@Service
public class StepService {

    private final TaskService taskService;
    private final FormService formService;
    private final Map<String, Step> steps;

    StepService(TaskService taskService, FormService formService, List<Step> steps) {
        this.taskService = taskService;
        this.formService = formService;
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
        List<Task> tasks = query.list();
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0));
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
            // Only the step's own fields: nothing else of a request becomes process state.
            input.forEach((name, value) -> {
                if (step.fields().contains(name)) {
                    fields.put(name, value);
                }
            });
        }
        VariableMap variables = transientVariables(fields);
        // A form may have prefilled a field as a task-local variable; the API's value replaces it.
        taskService.removeVariablesLocal(task.getId(), variables.keySet());
        formService.submitTaskForm(task.getId(), variables);
    }

    static VariableMap transientVariables(Map<String, ?> input) {
        VariableMap variables = Variables.createVariables();
        if (input == null) {
            return variables;
        }
        input.forEach((name, value) -> {
            if (value == null) {
                variables.putValueTyped(name, Variables.untypedNullValue(true));
            } else if (value instanceof String s) {
                variables.putValueTyped(name, Variables.stringValue(s, true));
            } else if (value instanceof Boolean b) {
                variables.putValueTyped(name, Variables.booleanValue(b, true));
            } else if (value instanceof Integer || value instanceof Long) {
                variables.putValueTyped(name, Variables.longValue(((Number) value).longValue(), true));
            } else if (value instanceof Number n) {
                variables.putValueTyped(name, Variables.doubleValue(n.doubleValue(), true));
            } else if (value instanceof Collection<?> items && items.stream().allMatch(String.class::isInstance)) {
                // Lists travel as comma-separated text, never as Java-serialized objects.
                variables.putValueTyped(name, Variables.stringValue(
                        items.stream().map(String.class::cast).collect(Collectors.joining(",")), true));
            } else {
                throw new InvalidInputException(name, "类型无效");
            }
        });
        return variables;
    }
}
