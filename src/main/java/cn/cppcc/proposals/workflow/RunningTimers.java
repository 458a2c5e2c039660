package cn.cppcc.proposals.workflow;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Moves a running deadline in the engine when a calendar change moved it (Rule 13): the variable
 * its timer reads, the timer's jobs and the task's due date. The modules that own the deadlines
 * decide the new day (proposal/ProposalDeadlines, unithandling/HandlingDeadlines); the caller runs
 * as the system.
 */
@Component
public class RunningTimers {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;

    RunningTimers(RuntimeService runtimeService, ManagementService managementService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    /** The variable, the timer acting on it and the task's due date, all to the new end of day. */
    public void move(String processInstanceId, String variable, Date end, String timerActivityId, String taskKey) {
        runtimeService.setVariable(processInstanceId, variable, end);
        moveTimers(processInstanceId, timerActivityId, end);
        taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list()
                .forEach(task -> {
                    task.setDueDate(end);
                    taskService.saveTask(task);
                });
    }

    /** The timers of an activity, to a new due time. */
    public void moveTimers(String processInstanceId, String activityId, Date due) {
        managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()
                .forEach(job -> managementService.setJobDuedate(job.getId(), due));
    }

    /** The running proposal-handling instance of a proposal. */
    public Optional<String> proposalInstance(long proposalId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(proposalId))
                .processDefinitionKey(ProposalHandlingProcess.KEY).singleResult();
        return Optional.ofNullable(instance).map(ProcessInstance::getId);
    }
}
