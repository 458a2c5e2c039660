package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.ClusterLock;
import java.time.Duration;
import org.slf4j.Logger;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled verification ({@code proposals.audit.verify-cron}, nightly by default): recomputes
 * the chain and, when it is broken, records that and tells the office and the auditors by mail
 * (AUDIT_CHAIN_BROKEN), every time it runs until the break is dealt with. The head's hash and the
 * end of the plain SHA-256 records are logged each time: noted elsewhere, they anchor the chain
 * against a rewrite of all of it (which needs the key since the key exists) and against a moved end.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditVerification {

    private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

    private final AuditChain chain;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ClusterLock lock;

    AuditVerification(AuditChain chain, AuditTrail trail, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, ClusterLock lock) {
        this.lock = lock;
        this.chain = chain;
        this.trail = trail;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Once per cluster: the node that takes the lock verifies; the others skip this night. */
    @Scheduled(cron = "${proposals.audit.verify-cron}", zone = "${proposals.zone}")
    void scheduled() {
        lock.runOnce("audit-verification", Duration.ofHours(1), this::run);
    }

    AuditChain.Verification run() {
        AuditChain.Verification result = chain.verify();
        if (result.ok()) {
            log.info("Audit trail verified: {} records, head {} {}, plain SHA-256 up to {}", result.checked(),
                    result.lastSeq(), result.lastHash(), result.plainUntilSeq());
            return result;
        }
        log.error("Audit trail broken at record {} ({} records checked, head {} {}, plain SHA-256 up to {})",
                result.firstBrokenSeq(), result.checked(), result.lastSeq(), result.lastHash(), result.plainUntilSeq());
        transaction.executeWithoutResult(status -> {
            trail.record(AuditAction.AUDIT_CHAIN_BROKEN, null, null, "Audit:" + result.firstBrokenSeq(),
                    "断开于第" + result.firstBrokenSeq() + "条；共校验" + result.checked() + "条");
            events.publishEvent(new AuditChainBroken(result.firstBrokenSeq(), result.checked()));
        });
        return result;
    }
}
