/** The members' pages: write a proposal seeing similar ones, revise, confirm a joint one, rate replies. */
package cn.cppcc.proposals.web.member;
