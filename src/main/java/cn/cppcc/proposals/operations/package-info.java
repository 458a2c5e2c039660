/**
 * What the operators watch (issue 16): the application's own meters for Prometheus
 * ({@code /actuator/prometheus}) and the mail server's health in the readiness group. It reads the
 * other modules through their public types and events; no module imports it.
 */
package cn.cppcc.proposals.operations;
