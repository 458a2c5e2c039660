package cn.cppcc.proposals.workflow;

import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import java.util.Map;

/**
 * A step's user task was completed and its step applied the input, in the transaction that is
 * still open (a listener's failure rolls the step back). Published synchronously by the engine's
 * task listener, whichever door (API, pages or Tasklist) completed the task. The audit trail
 * records it under the step's own label.
 *
 * @param taskKey           the user task's id in its BPMN file
 * @param taskId            the engine's task id
 * @param processInstanceId the task's process instance
 * @param proposalId        the proposal, never {@code null}
 * @param unitCode          the unit of a unit's step, else {@code null}
 * @param unitName          its name, else {@code null}
 * @param input             the step's fields as given (only those the step reads)
 * @param label             what the audit trail calls it; {@code null} when the step's own records say it
 */
public record StepCompleted(String taskKey, String taskId, String processInstanceId, long proposalId, String unitCode,
                            String unitName, Map<String, Object> input, StepLabel label) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        return label == null ? null : new AuditNote(label.action(), label.name(), proposalId, unitCode, "task:" + taskId,
                unitName == null ? null : "承办单位：" + unitName, input, null, null);
    }
}
