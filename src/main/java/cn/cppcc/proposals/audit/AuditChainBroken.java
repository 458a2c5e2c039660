package cn.cppcc.proposals.audit;

/**
 * The scheduled verification found the audit chain broken at a record: the office and auditors
 * are to be told (the notification module listens).
 */
public record AuditChainBroken(long firstBrokenSeq, long checked) {
}
