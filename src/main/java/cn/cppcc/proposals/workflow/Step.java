package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * One human step of the lifecycle: the user task {@link #taskKey()} of one process. The API, the
 * pages and Camunda Tasklist all submit the task's form; the engine then calls {@link #complete},
 * so every door goes through the same checks: who may take it ({@link #taker()}, checked by
 * {@link StepGuard} against the project's records), then the input. A failure rolls the whole
 * completion back.
 */
public interface Step {

    /** The user task's id in its BPMN file. */
    String taskKey();

    /** The form fields this step reads; they are never kept as process variables. */
    Set<String> fields();

    /** Who may take this step. */
    Taker taker();

    /**
     * What the audit trail calls a completion with these fields: its action and its name with the
     * decision taken (e.g. 审查立案：立案); {@code null} when the step's own records say it.
     */
    StepLabel audited(Map<String, Object> given);

    /**
     * The path segment of the step's page, {@code /proposals/{id}/{page}} or, for a unit's step,
     * {@code /proposals/{id}/units/{unit}/{page}}; {@code null} when the step is done in Tasklist.
     */
    default String page() {
        return null;
    }

    /** Puts what the worker needs to decide on the new task, as task-local variables. */
    default void prepare(DelegateTask task, StepSubject subject) {
    }

    /**
     * Checks the input and applies it to the project's tables; sets the routing variables on the
     * task's execution. The subject comes from the engine's records, never from the input.
     *
     * @throws cn.cppcc.proposals.shared.InvalidInputException naming each bad field
     */
    void complete(DelegateTask task, StepSubject subject, Input input, Actor actor);
}
