/**
 * Rule 1: the office registers proposals received on paper on members' behalf, many at once from a
 * spreadsheet: the sheet is read at once, its rows are registered in the background, each through
 * the same submission as a member's, and the refused rows are reported with their reasons.
 */
package cn.cppcc.proposals.paperimport;
