package cn.cppcc.proposals.web;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
 * The user's open tasks as {@code GET /api/tasks} finds them (assigned to them, or to their groups
 * and not claimed), each with the page that does it and the same task in Camunda Tasklist.
 */
@Component
public class OpenTasks {

    static final int MAX_TASKS = 500;
    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineAsSystem system;
    private final ProposalService proposals;

    OpenTasks(TaskService taskService, RuntimeService runtimeService, EngineAsSystem system,
            ProposalService proposals) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.system = system;
        this.proposals = proposals;
    }

    /**
     * One open task.
     *
     * @param proposalLabel the proposal's number, or its serial number before it is filed
     * @param page          the page that does the task
     */
    public record OpenTask(String taskId, String taskKey, String name, long proposalId, String unit, Date due,
                           Date created, String proposalLabel, String title, String proposer, String page) {

        public String tasklist() {
            return tasklistLink(taskId);
        }
    }

    public List<OpenTask> mine(Actor actor) {
        return find(actor, null);
    }

    public List<OpenTask> mineFor(long proposalId, Actor actor) {
        return find(actor, proposalId);
    }

    private List<OpenTask> find(Actor actor, Long proposalId) {
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
        Map<Long, Proposal> known = new HashMap<>();
        List<OpenTask> open = new ArrayList<>();
        for (Task task : tasks) {
            String key = businessKeys.get(task.getProcessInstanceId());
            if (key == null || !key.matches("\\d{1,18}")) {
                continue;
            }
            long id = Long.parseLong(key);
            Proposal proposal = known.computeIfAbsent(id, this::proposal);
            if (proposal == null) {
                continue;
            }
            String unit = (String) units.get(task.getProcessInstanceId());
            open.add(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), id, unit,
                    task.getDueDate(), task.getCreateTime(),
                    proposal.getNumber() != null ? proposal.getNumber() : "#" + proposal.getSerialNo(),
                    proposal.getTitle(), proposal.getProposer(), page(task.getId(), task.getTaskDefinitionKey(), id, unit)));
        }
        return open;
    }

    private Proposal proposal(long id) {
        try {
            return proposals.require(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The page that does a task; the task in Tasklist for one without a page of its own. */
    public static String page(String taskId, String taskKey, long proposalId, String unit) {
        String proposal = "/proposals/" + proposalId;
        String unitPath = proposal + "/units/" + unit;
        return switch (taskKey) {
            case ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL -> proposal + "/confirmation";
            case ProposalHandlingProcess.TASK_REVIEW_PROPOSAL -> proposal + "/review";
            case ProposalHandlingProcess.TASK_REVISE_PROPOSAL -> proposal + "/revision";
            case ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL -> proposal + "/assignment";
            case UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT -> unitPath + "/acceptance";
            case UnitHandlingProcess.TASK_RESOLVE_OBJECTION -> unitPath + "/objection";
            case UnitHandlingProcess.TASK_SEND_OPINION, UnitHandlingProcess.TASK_DRAFT_REPLY -> unitPath + "/handling";
            case UnitHandlingProcess.TASK_SIGN_OFF_REPLY -> unitPath + "/sign-off";
            case UnitHandlingProcess.TASK_RATE_REPLY -> unitPath + "/feedback";
            case UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING -> unitPath + "/coordination";
            default -> tasklistLink(taskId); // approval of a withdrawal, supervision, follow-up, publication
        };
    }

    /** The same task in Camunda Tasklist. */
    public static String tasklistLink(String taskId) {
        return TASKLIST + taskId;
    }
}
