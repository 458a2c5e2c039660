package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.DatabaseDown;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final RepositoryService repositoryService;
    private final EngineAsSystem system;
    /** The completion's transaction, or the caller's when it has one. */
    private final TransactionTemplate transaction;
    /** A look after a failed completion, in a transaction of its own. */
    private final TransactionTemplate afterwards;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    StepService(TaskService taskService, FormService formService, RepositoryService repositoryService, List<Step> steps,
            StepSubjects subjects, StepGuard guard, CurrentActor currentActor, EngineAsSystem system,
            PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.system = system;
        this.transaction = new TransactionTemplate(transactions);
        this.afterwards = new TransactionTemplate(transactions);
        this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.afterwards.setReadOnly(true);
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
     * Completes the open task of {@code target} with {@code input}, in a transaction of its own or the
     * caller's. A race lost to another request that completed the task first is a 409 naming the step,
     * however it showed.
     *
     * @throws ForbiddenException when the actor may not take the step (403)
     * @throws ConflictException when the step is not open now, or another request completed it first (409)
     */
    public void complete(TaskTarget target, Map<String, ?> input) {
        Step step = step(target);
        requireMayTake(target, currentActor.get());
        Task task = openTask(target).orElseThrow(() -> new ConflictException(notOpen(target)));
        ClientError.taking(task.getName());
        Map<String, Object> fields = new HashMap<>();
        if (input != null) {
            // The API ignores what a body has beyond the step's fields (API.md); the form takes only these.
            input.forEach((name, value) -> {
                if (step.fields().contains(name)) {
                    fields.put(name, value);
                }
            });
        }
        try {
            transaction.executeWithoutResult(status -> formService.submitTaskForm(task.getId(), fields));
        } catch (RuntimeException failure) {
            throw lostRace(task, failure);
        }
    }

    /**
     * A completion that failed because another request completed the task first: however it showed
     * (a version check of the engine or of JPA, or, read between the winner's changes, a task without
     * its execution or its candidates, or the step's own check of a state the winner changed), the
     * task is no longer open now. A 409 naming the step then, and for a version check that failed;
     * otherwise the failure as it is (the client's mistake, or a bug).
     */
    private RuntimeException lostRace(Task task, RuntimeException failure) {
        if (DatabaseDown.in(failure)) {
            return failure;
        }
        boolean open = Boolean.TRUE.equals(afterwards.execute(status -> system.read(
                () -> taskService.createTaskQuery().taskId(task.getId()).count() > 0)));
        ClientError known = ClientError.in(failure).orElse(null);
        if (!open || known != null && known.status() == 409 && !(known.source() instanceof ConflictException)) {
            return new ConflictException(ClientError.raceDetail(task.getName()), failure);
        }
        return failure;
    }

    /** The API's 409 message when the step is not open now, naming it. */
    public String notOpen(TaskTarget target) {
        return ClientError.notOpenDetail(name(target.taskKey()));
    }

    /** The Chinese name of a user task in its BPMN file, e.g. 审查立案. */
    String name(String taskKey) {
        String name = names.get(taskKey);
        if (name == null) {
            system.run(() -> repositoryService.createProcessDefinitionQuery().latestVersion().list().forEach(definition ->
                    repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                            .forEach(task -> names.put(task.getId(), task.getName() == null ? "" : task.getName()))));
            name = names.get(taskKey);
        }
        return name;
    }
}
