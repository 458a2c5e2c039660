package cn.cppcc.proposals.workflow;

/**
 * Which open user task an API step completes.
 *
 * @param proposalId        the business key
 * @param taskKey           the user task's id in its BPMN file
 * @param processInstanceId the unit-handling instance, for a unit's steps; else {@code null}
 * @param assignee          the task's assignee, for a co-proposer's confirmation; else {@code null}
 * @param taskId            one task among several open ones of the same kind; else {@code null}
 */
public record TaskTarget(long proposalId, String taskKey, String processInstanceId, String assignee, String taskId) {

    public static TaskTarget of(long proposalId, String taskKey) {
        return new TaskTarget(proposalId, taskKey, null, null, null);
    }

    public static TaskTarget task(long proposalId, String taskKey, String taskId) {
        return new TaskTarget(proposalId, taskKey, null, null, taskId);
    }

    public static TaskTarget inInstance(long proposalId, String taskKey, String processInstanceId) {
        return new TaskTarget(proposalId, taskKey, processInstanceId, null, null);
    }

    public static TaskTarget assignedTo(long proposalId, String taskKey, String assignee) {
        return new TaskTarget(proposalId, taskKey, null, assignee, null);
    }
}
