package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.shared.Texts;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.ProposalClock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what happened, in the transaction of the change: who (the authenticated user and their
 * groups, or {@code system} in a job), when (the engine's clock), what, for which proposal and unit,
 * and from where (the request's client address, {@code system} outside a request). Records of one
 * transaction are kept until it commits and then appended to the chain in one go, just before the
 * commit: a rolled-back step leaves none, and the chain's lock is held only for the commit.
 */
@Service
public class AuditTrail {

    /** The actor and the address of what no person did: timers, jobs, the application itself. */
    public static final String SYSTEM = "system";
    static final int DETAIL_MAX = 4000;

    private final AuditChain chain;
    private final ObjectProvider<IdentityService> identity;
    private final ProposalClock clock;
    private final TransactionTemplate ownTransaction;

    AuditTrail(AuditChain chain, ObjectProvider<IdentityService> identity, ProposalClock clock,
            PlatformTransactionManager transactions) {
        this.chain = chain;
        this.identity = identity;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    /** Records an action with its own Chinese name. */
    public void record(AuditAction action, Long proposalId, String unitCode, String subject, String detail) {
        record(action, action.label(), proposalId, unitCode, subject, detail);
    }

    /**
     * Records an action by the current user (or the system).
     *
     * @param actionName the Chinese name shown, e.g. 审查立案：立案; not {@code null}
     * @param subject    what was changed when it is not a proposal (a user, unit, year…), or {@code null}
     * @param detail     what was decided or changed, plain text; cut at 4000 characters
     */
    public void record(AuditAction action, String actionName, Long proposalId, String unitCode, String subject,
            String detail) {
        Authentication authentication = identity.getObject().getCurrentAuthentication();
        String actor = authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
        List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds();
        recordAs(actor, groups, action, actionName, proposalId, unitCode, subject, detail);
    }

    /** Records an action by the given user (the engine's operation log names it). */
    void recordAs(String actor, List<String> groups, AuditAction action, String actionName, Long proposalId,
            String unitCode, String subject, String detail) {
        String roles = groups == null || groups.isEmpty() ? null
                : groups.stream().sorted().collect(Collectors.joining(","));
        AuditRecord record = new AuditRecord(0, AuditHash.truncate(clock.now()), cut(actor, 64), cut(roles, 1000),
                action.name(), cut(actionName, 200), proposalId, cut(unitCode, 32), cut(subject, 200), clientAddress(),
                cut(clean(detail), DETAIL_MAX), null, null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().records.add(record);
        } else {
            ownTransaction.executeWithoutResult(status -> chain.append(List.of(record)));
        }
    }

    /** The records of the current transaction, appended when it commits. */
    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending p) {
                return p;
            }
        }
        Pending p = new Pending();
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    private final class Pending implements TransactionSynchronization {
        final List<AuditRecord> records = new ArrayList<>();

        @Override
        public int getOrder() {
            // after the other synchronizations of the commit, so that whatever they record is appended too
            return LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!records.isEmpty()) {
                chain.append(List.copyOf(records));
                records.clear();
            }
        }
    }

    /**
     * The client's address as the servlet container sees it: the connecting peer, or what
     * {@code server.forward-headers-strategy} makes of X-Forwarded-For when a trusted proxy is configured.
     */
    static String clientAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            try {
                String address = servlet.getRequest().getRemoteAddr();
                return address == null ? SYSTEM : cut(address, 64);
            } catch (IllegalStateException e) {
                return SYSTEM;   // the request is over (work done after it, e.g. on its commit)
            }
        }
        return SYSTEM;
    }

    /** No control characters but line feeds and tabs (PostgreSQL refuses NUL in text). */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static String cut(String text, int max) {
        return Texts.cut(text, max);
    }
}
