package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to every user task of both processes (the starter's eventing bridge) and hands it to
 * its {@link Step}: on create to prepare what the worker sees, on complete to check who acts and
 * to apply the input.
 */
@Component
class StepDispatcher {

    private final Map<String, Step> steps;
    private final CurrentActor currentActor;
    private final PendingStepInput pending;
    private final ApplicationEventPublisher events;

    StepDispatcher(List<Step> steps, CurrentActor currentActor, PendingStepInput pending,
            ApplicationEventPublisher events) {
        this.events = events;
        this.steps = steps.stream().collect(Collectors.toMap(Step::taskKey, Function.identity()));
        this.currentActor = currentActor;
        this.pending = pending;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onCreate(DelegateTask task) {
        Step step = steps.get(task.getTaskDefinitionKey());
        if (step != null) {
            step.prepare(task);
        }
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void onComplete(DelegateTask task) {
        Step step = steps.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("No step for user task " + task.getTaskDefinitionKey());
        }
        Actor actor = currentActor.get();
        checkMayWork(task, actor);
        Map<String, Object> values = pending.take(task.getId());
        if (values == null) {
            values = new HashMap<>();
            for (String field : step.fields()) {
                values.put(field, task.getVariable(field));
            }
        }
        step.complete(task, Input.of(values), actor);
        // The audit trail records the completion with its decision, in this transaction.
        Map<String, Object> given = new HashMap<>();
        values.forEach((field, value) -> {
            if (step.fields().contains(field) && value != null) {
                given.put(field, value);
            }
        });
        events.publishEvent(new StepCompleted(task.getTaskDefinitionKey(), task.getName(), task.getId(),
                task.getProcessInstanceId(), ((Number) task.getVariable(ProposalVariables.PROPOSAL_ID)).longValue(),
                (String) task.getVariable(ProposalVariables.UNIT_CODE), given));
        // Tasklist submits form fields as process variables: they are recorded in the project's
        // tables now and must not prefill the next task's form.
        task.getExecution().removeVariables(step.fields());
    }

    /** The assignee, or, while nobody has claimed it, anyone of its candidate groups. */
    static void checkMayWork(DelegateTask task, Actor actor) {
        boolean candidate = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> actor.userId().equals(link.getUserId()) || actor.isIn(link.getGroupId()));
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(actor.userId())) {
            if (candidate) {
                throw new ConflictException("该任务已由" + assignee + "认领");
            }
            throw new ForbiddenException("您不是该任务的办理人");
        }
        if (assignee == null && !candidate) {
            throw new ForbiddenException("您不是该任务的办理人");
        }
    }
}
