/**
 * The public pages 公开提案 (Rule 12), without login: the proposals the office published and their
 * published replies, nothing else.
 */
package cn.cppcc.proposals.web.published;
