/**
 * Similar proposals and full-text search (Rules 1 and 3): a Lucene index of every proposal's
 * title, background, suggestions and sent replies, rebuilt from the database on start and kept
 * current by {@code ProposalChanged} and {@code ReplySent}; the office's similar proposals, the
 * duplicate check of a draft, and the search of the office and auditors.
 */
package cn.cppcc.proposals.similarity;
