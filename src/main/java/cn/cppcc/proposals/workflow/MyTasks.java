package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * A user's open tasks (assigned to them, offered to them by name or to their groups and not
 * claimed), oldest first, each with its proposal and unit: {@code GET /api/tasks} and the pages.
 */
@Component
public class MyTasks {

    public static final int MAX_TASKS = 500;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineAsSystem system;

    MyTasks(TaskService taskService, RuntimeService runtimeService, EngineAsSystem system) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.system = system;
    }

    /** One open task; {@code proposalId} is {@code null} for a process that belongs to no proposal. */
    public record MyTask(String taskId, String taskKey, String name, Long proposalId, String unit, Date due,
                         Date created) {}

    /** The actor's open tasks, of one proposal or ({@code proposalId} {@code null}) of all. */
    public List<MyTask> of(Actor actor, Long proposalId) {
        TaskQuery query = taskService.createTaskQuery();
        if (proposalId != null) {
            query.processInstanceBusinessKey(String.valueOf(proposalId));
        }
        TaskQuery mine = query.or().taskAssignee(actor.userId()).taskCandidateUser(actor.userId());
        if (!actor.groups().isEmpty()) {
            mine.taskCandidateGroupIn(actor.groups());
        }
        List<Task> tasks = mine.endOr().orderByTaskCreateTime().asc().listPage(0, MAX_TASKS);
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> instances = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        // The tasks are the user's; which proposal and unit they belong to is the application's to read.
        Map<String, String> businessKeys = system.read(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceIds(instances).list()).stream()
                .collect(Collectors.toMap(ProcessInstance::getId, p -> p.getBusinessKey() == null ? "" : p.getBusinessKey()));
        Map<String, Object> units = system.read(() -> runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .variableName(ProposalVariables.UNIT_CODE).list()).stream()
                .filter(v -> v.getExecutionId().equals(v.getProcessInstanceId()))
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, VariableInstance::getValue, (a, b) -> a));
        return tasks.stream().map(t -> new MyTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                        parse(businessKeys.get(t.getProcessInstanceId())), (String) units.get(t.getProcessInstanceId()),
                        t.getDueDate(), t.getCreateTime()))
                .toList();
    }

    private static Long parse(String businessKey) {
        return businessKey == null || !businessKey.matches("\\d{1,18}") ? null : Long.valueOf(businessKey);
    }
}
