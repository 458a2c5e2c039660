/**
 * What every module shares: the settings of DOMAIN.md's rules, the clock, input checking and the
 * problem+json answers of API.md.
 */
package cn.cppcc.proposals.shared;
