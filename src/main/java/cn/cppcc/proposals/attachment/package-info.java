/**
 * Attachments of a proposal: checked by their content against an allow-list (PDF, images, Word,
 * Excel), with sanitised names, stored in the database.
 */
package cn.cppcc.proposals.attachment;
