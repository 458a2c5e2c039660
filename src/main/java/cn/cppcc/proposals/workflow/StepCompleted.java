package cn.cppcc.proposals.workflow;

import java.util.Map;

/**
 * A step's user task was completed and its step applied the input, in the transaction that is
 * still open (a listener's failure rolls the step back). Published synchronously by the engine's
 * task listener, whichever door (API or Tasklist) completed the task.
 *
 * @param taskKey           the user task's id in its BPMN file
 * @param taskName          its name (Chinese)
 * @param taskId            the engine's task id
 * @param processInstanceId the task's process instance
 * @param proposalId        the proposal, never {@code null}
 * @param unitCode          the unit of a unit-handling task, else {@code null}
 * @param input             the step's fields as given (only those the step reads)
 */
public record StepCompleted(String taskKey, String taskName, String taskId, String processInstanceId,
                            long proposalId, String unitCode, Map<String, Object> input) {
}
