package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tasks}: my open tasks, assigned to me or to my groups and not claimed by others. */
@RestController
class TaskController {

    static final int MAX_TASKS = 500;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final CurrentActor currentActor;
    private final EngineAsSystem system;

    TaskController(TaskService taskService, RuntimeService runtimeService, CurrentActor currentActor,
            EngineAsSystem system) {
        this.system = system;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.currentActor = currentActor;
    }

    record MyTask(String taskId, String taskKey, String name, Long proposalId, String unit, Date due, Date created) {}

    @GetMapping("/api/tasks")
    List<MyTask> myTasks() {
        Actor actor = currentActor.get();
        var query = taskService.createTaskQuery().or().taskAssignee(actor.userId()).taskCandidateUser(actor.userId());
        if (!actor.groups().isEmpty()) {
            query.taskCandidateGroupIn(actor.groups());
        }
        List<Task> tasks = query.endOr().orderByTaskCreateTime().asc().listPage(0, MAX_TASKS);
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> instances = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        // The tasks are the caller's; which proposal and unit they belong to is the application's to read.
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
        return businessKey == null || !businessKey.matches("\\d+") ? null : Long.valueOf(businessKey);
    }
}
