package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.InvalidInputException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Fields that name units or people by code or id: the audit trail records their names. */
    static final Set<String> UNIT_FIELDS = Set.of("units", "lead", "newUnit", "suggestedUnit", "convertTo");
    static final Set<String> PERSON_FIELDS = Set.of("supervisor", "onBehalfOf");

    private final UnitNames unitNames;
    private final UserNames userNames;

    StepDispatcher(List<Step> steps, CurrentActor currentActor, SubmittedForms forms, StepSubjects subjects,
            StepGuard guard, ApplicationEventPublisher events, UnitNames unitNames, UserNames userNames) {
        this.unitNames = unitNames;
        this.userNames = userNames;
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
        checkClaim(task, actor, userNames::userName);
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
        StepLabel label = step.audited(given);
        events.publishEvent(new StepCompleted(task.getTaskDefinitionKey(), task.getId(), task.getProcessInstanceId(),
                subject.proposalId(), subject.unitCode(),
                subject.unitCode() == null ? null : unitNames.unitName(subject.unitCode()), named(given), label));
    }

    /** The given fields with units and people by their names (the form sends codes and ids). */
    Map<String, Object> named(Map<String, Object> given) {
        Map<String, Object> named = new HashMap<>(given);
        named.replaceAll((field, value) -> UNIT_FIELDS.contains(field) ? names(value, unitNames::unitName)
                : PERSON_FIELDS.contains(field) ? names(value, userNames::userName) : value);
        return named;
    }

    private static Object names(Object value, Function<String, String> name) {
        List<String> ids = value instanceof Collection<?> many ? many.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value).split("[,，、\\s]+"));
        return ids.stream().map(String::strip).filter(id -> !id.isEmpty()).map(name).collect(Collectors.joining("、"));
    }

    /**
     * The assignee, or, while nobody has claimed it, anyone of its candidate groups; a refusal names
     * who claimed it (by name, as the worker knows them).
     */
    static void checkClaim(DelegateTask task, Actor actor, Function<String, String> names) {
        boolean candidate = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> actor.userId().equals(link.getUserId()) || actor.isIn(link.getGroupId()));
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(actor.userId())) {
            if (candidate) {
                throw new ConflictException("该任务已由" + names.apply(assignee) + "认领");
            }
            throw new ForbiddenException("您不是该任务的办理人");
        }
        if (assignee == null && !candidate) {
            throw new ForbiddenException("您不是该任务的办理人");
        }
    }
}
