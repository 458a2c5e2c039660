/**
 * The proposal office's workbench: queues by step, review with the similar proposals beside it and
 * MERGE in one click, assignment with the suggested units, objections, coordination, and the bulk
 * import of proposals received on paper.
 */
package cn.cppcc.proposals.web.office;
