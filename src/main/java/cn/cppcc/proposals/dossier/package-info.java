/**
 * The read side: the dossier 案卷 of one proposal with its units, consultations, replies and
 * ratings, and the list of proposals, each filtered by what the caller may see.
 */
package cn.cppcc.proposals.dossier;
