/**
 * Reference data that admins keep: handling units (with their Camunda groups), proposal
 * categories and committee sessions.
 */
package cn.cppcc.proposals.catalog;
