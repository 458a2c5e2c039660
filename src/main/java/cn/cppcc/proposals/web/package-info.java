/**
 * The pages for people (issue 7): Thymeleaf pages over the same services as the API, with their
 * own form login and session, for members ({@code member}), the proposal office ({@code office}),
 * the handling units ({@code unit}) and everyone who may read a dossier or search.
 */
package cn.cppcc.proposals.web;
