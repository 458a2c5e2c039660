package cn.cppcc.proposals.workflow;

/**
 * What a step acts on, read from the engine's and the project's own records, never from process
 * variables (which the engine lets task workers write): the proposal from the process instance's
 * business key, which only the project's code sets, and the unit from the unit assignment that
 * owns the unit-handling instance.
 *
 * @param proposalId        the proposal
 * @param processInstanceId the task's process instance; {@code null} when asked for by the API before
 *                          a task is found for a proposal-level step
 * @param unitCode          the unit whose part it is, for a unit-handling step; else {@code null}
 */
public record StepSubject(long proposalId, String processInstanceId, String unitCode) {
}
