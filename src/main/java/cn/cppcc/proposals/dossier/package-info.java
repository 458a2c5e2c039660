/**
 * The read side: the dossier 案卷 of one proposal with its units, consultations, replies and
 * ratings, and the list of proposals, each filtered by what the caller may see. The list
 * ({@link cn.cppcc.proposals.dossier.ProposalList}) reads the other modules' tables only through
 * the module's own views, the {@code dossier_} views of V25__read_views.sql.
 */
package cn.cppcc.proposals.dossier;
