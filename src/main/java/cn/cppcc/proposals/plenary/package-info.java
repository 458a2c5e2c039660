/**
 * The plenary week 集中交办 (DOMAIN.md rule 17): many proposals reviewed and assigned at once, each
 * still its own step, and the lists the office prints for it (交办单, 立案目录).
 */
package cn.cppcc.proposals.plenary;
