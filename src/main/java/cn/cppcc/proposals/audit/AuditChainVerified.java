package cn.cppcc.proposals.audit;

/**
 * The audit chain was verified, nightly or at an auditor's request: whether it held, how many
 * records were checked and, when broken, the first broken record's seq.
 */
public record AuditChainVerified(boolean ok, long checked, Long firstBrokenSeq) {
}
