/**
 * Rule 12: publication 公开 of filed proposals whose proposers consented, and later of their
 * replies; the public pages show only what was published, without contact details.
 */
package cn.cppcc.proposals.publication;
