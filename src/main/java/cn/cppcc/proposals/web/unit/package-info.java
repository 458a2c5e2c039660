/**
 * The handling units' workbench: the unit's proposals with their deadlines, acceptance or
 * objection, consultations, the opinion of a co-unit, the reply with its document, and the
 * leader's sign-off.
 */
package cn.cppcc.proposals.web.unit;
