/**
 * Rules 6 and 7: handling 办理 by a unit: co-units' opinions, consultations with the proposer, the
 * reply with its class, the unit leader's sign-off 签发, and sending the reply.
 */
package cn.cppcc.proposals.handling;
