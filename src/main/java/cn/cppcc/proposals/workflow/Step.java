package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * One human step of the lifecycle: the user task {@link #taskKey()} of one process. The API and
 * Camunda Tasklist both complete the task; the engine then calls {@link #complete}, so both doors
 * go through the same checks. A failure rolls the whole completion back.
 */
public interface Step {

    /** The user task's id in its BPMN file. */
    String taskKey();

    /** The form fields this step reads; they are not kept as process variables. */
    Set<String> fields();

    /** Puts what the worker needs to decide on the new task, as task-local variables. */
    default void prepare(DelegateTask task) {
    }

    /**
     * Checks the input and applies it to the project's tables; sets the routing variables on the
     * task's execution.
     *
     * @throws cn.cppcc.proposals.shared.InvalidInputException naming each bad field
     */
    void complete(DelegateTask task, Input input, Actor actor);
}
