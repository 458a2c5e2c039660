/**
 * The engine glue: the ids of both processes, the process variables, the deployment of
 * {@code bpmn/}, and the one path by which a user task is prepared and completed, whether from
 * the API or from Camunda Tasklist.
 */
package cn.cppcc.proposals.workflow;
