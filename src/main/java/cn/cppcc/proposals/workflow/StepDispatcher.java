package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.InvalidInputException;
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
 * Listens to every user task of the processes (the starter's eventing bridge) and hands it to its
 * {@link Step}: on create to prepare what the worker sees, on complete to check who acts (the
 * step's {@link Taker}, then the task's claim) and to apply the submitted form. Every door passes
 * here: the API, the pages, Tasklist and the engine's REST API.
 */
@Component
class StepDispatcher {

    private final Map<String, Step> steps;
    private final CurrentActor currentActor;
    private final SubmittedForms forms;
    private final StepSubjects subjects;
    private final StepGuard guard;
    private final ApplicationEventPublisher events;
    private final UnitNames unitNames;

    StepDispatcher(List<Step> steps, CurrentActor currentActor, SubmittedForms forms, StepSubjects subjects,
            StepGuard guard, ApplicationEventPublisher events, UnitNames unitNames) {
        this.unitNames = unitNames;
        this.steps = steps.stream().collect(Collectors.toMap(Step::taskKey, Function.identity()));
        this.currentActor = currentActor;
        this.forms = forms;
        this.subjects = subjects;
        this.guard = guard;
        this.events = events;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onCreate(DelegateTask task) {
        Step step = steps.get(task.getTaskDefinitionKey());
        if (step != null) {
            step.prepare(task, subjects.of(task));
        }
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void onComplete(DelegateTask task) {
        Step step = steps.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("No step for user task " + task.getTaskDefinitionKey());
        }
        ClientError.taking(task.getName());
        Map<String, Object> values = forms.take(task.getId());
        StepSubject subject = subjects.of(task);
        Actor actor = currentActor.get();
        guard.check(step.taker(), subject, actor);
        checkClaim(task, actor);
        if (values == null) {
            // a plain "complete" carries variables past the form: only a form submission completes a step
            throw new InvalidInputException("form", "请提交该任务的表单（submit-form）");
        }
        step.complete(task, subject, Input.of(values), actor);
        // The audit trail records the completion with its decision, in this transaction.
        Map<String, Object> given = new HashMap<>();
        values.forEach((field, value) -> {
            if (value != null) {
                given.put(field, value);
            }
        });
        events.publishEvent(new StepCompleted(task.getTaskDefinitionKey(), task.getId(), task.getProcessInstanceId(),
                subject.proposalId(), subject.unitCode(),
                subject.unitCode() == null ? null : unitNames.unitName(subject.unitCode()), given, step.audited(given)));
    }

    /** The assignee, or, while nobody has claimed it, anyone of its candidate groups. */
    static void checkClaim(DelegateTask task, Actor actor) {
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
