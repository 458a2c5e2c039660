package cn.cppcc.proposals.withdrawal;

import cn.cppcc.proposals.unithandling.ReplyStatus;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Withdrawal requests and decisions; the process carries them out (event sub-processes). */
@Service
public class WithdrawalService {

    public record Withdrawal(long id, String requestedBy, String reason, Instant requestedAt, boolean needsApproval,
                             String decision, String decidedBy, Instant decidedAt, String comment) {}

    private final JdbcClient jdbc;
    private final ProposalService proposals;
    private final UnitAssignmentService assignments;
    private final NotificationService notifications;
    private final RuntimeService runtimeService;
    private final EngineAsSystem system;
    private final ProposalClock clock;

    WithdrawalService(JdbcClient jdbc, ProposalService proposals, UnitAssignmentService assignments,
            NotificationService notifications, RuntimeService runtimeService, EngineAsSystem system, ProposalClock clock) {
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.assignments = assignments;
        this.notifications = notifications;
        this.runtimeService = runtimeService;
        this.system = system;
        this.clock = clock;
    }

    /** The proposer asks to withdraw; the proposal's process decides whether the office must approve. */
    @Transactional
    public void request(long proposalId, Map<String, ?> fields, Actor actor) {
        Proposal proposal = proposals.requireForUpdate(proposalId);
        if (!proposal.getProposer().equals(actor.userId())) {
            throw new ForbiddenException("只有提案者可以撤回提案");
        }
        Input input = Input.of(fields);
        String reason = input.requiredText("reason", 2000);
        input.validate();
        boolean atWill = proposal.isWithdrawableWithoutApproval();
        if (!withdrawable(proposal)) {
            throw new ConflictException("提案已答复或已办结，不能撤回");
        }
        if (pending(proposalId).isPresent()) {
            throw new ConflictException("已有待审批的撤回申请");
        }
        jdbc.sql("insert into withdrawals (proposal_id, requested_by, reason, requested_at, needs_approval)"
                        + " values (?, ?, ?, ?, ?)")
                .params(proposalId, actor.userId(), reason, OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), !atWill)
                .update();
        // The proposer may not change the process through the engine; the application does it for them.
        system.run(() -> runtimeService.createMessageCorrelation(ProposalHandlingProcess.MESSAGE_WITHDRAWAL_REQUESTED)
                .processInstanceBusinessKey(String.valueOf(proposalId))
                .correlate());
    }

    /**
     * Whether the proposer may ask to withdraw now (Rule 10), as {@link #request} accepts it: before
     * filing at will, after filing until the first reply is sent, and not while a request waits.
     */
    @Transactional(readOnly = true)
    public boolean mayRequest(Proposal proposal, Actor actor) {
        return proposal.getProposer().equals(actor.userId()) && withdrawable(proposal)
                && pending(proposal.getId()).isEmpty();
    }

    private boolean withdrawable(Proposal proposal) {
        return proposal.isWithdrawableWithoutApproval()
                || proposal.isWithdrawableWithApproval() && !replySent(proposal.getId());
    }

    /** Task_RecordWithdrawalRequest: whether the office must approve; tells the office if so. */
    boolean needsApproval(long proposalId) {
        Withdrawal withdrawal = pending(proposalId).orElseThrow();
        if (withdrawal.needsApproval()) {
            Map<String, String> values = new HashMap<>(proposals.describe(proposals.require(proposalId)));
            values.put("comment", withdrawal.reason());
            values.put("recipientProposer", values.get("proposerName"));
            notifications.notify(NotificationEvent.WITHDRAWAL_REQUESTED, Recipients.groups(Actor.OFFICE), proposalId,
                    null, values);
        }
        return withdrawal.needsApproval();
    }

    /** Task_ApproveWithdrawal: the office's decision; a refusal is final and told to the proposer. */
    void decide(long proposalId, boolean approve, String comment, String by) {
        if (approve && replySent(proposalId)) {
            throw new ConflictException("提案已有答复送达，不能再撤回");
        }
        Withdrawal withdrawal = pending(proposalId).orElseThrow(() -> new ConflictException("没有待审批的撤回申请"));
        jdbc.sql("update withdrawals set decision = ?, decided_by = ?, decided_at = ?, comment = ? where id = ?")
                .params(approve ? "APPROVED" : "REFUSED", by, OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), comment,
                        withdrawal.id())
                .update();
        if (!approve) {
            tell(proposalId, withdrawal, "不同意撤回", comment);
        }
    }

    /** Task_WithdrawProposal: the proposal is withdrawn; every unit's handling has been cancelled. */
    void withdraw(long proposalId) {
        Proposal proposal = proposals.require(proposalId);
        proposal.withdraw(clock.now());
        Withdrawal withdrawal = latest(proposalId).orElseThrow();
        if (withdrawal.decision() == null) {
            jdbc.sql("update withdrawals set decision = 'WITHDRAWN', decided_at = ? where id = ?")
                    .params(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), withdrawal.id()).update();
        }
        proposals.changed(proposalId);
        tell(proposalId, withdrawal, "已撤回", withdrawal.comment());
    }

    public List<Withdrawal> of(long proposalId) {
        return jdbc.sql("select * from withdrawals where proposal_id = ? order by id").param(proposalId)
                .query((rs, n) -> new Withdrawal(rs.getLong("id"), rs.getString("requested_by"), rs.getString("reason"),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getBoolean("needs_approval"),
                        rs.getString("decision"), rs.getString("decided_by"),
                        rs.getObject("decided_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                        rs.getString("comment")))
                .list();
    }

    private Optional<Withdrawal> pending(long proposalId) {
        return of(proposalId).stream().filter(w -> w.decision() == null).reduce((a, b) -> b);
    }

    private Optional<Withdrawal> latest(long proposalId) {
        return of(proposalId).stream().reduce((a, b) -> b);
    }

    private boolean replySent(long proposalId) {
        return assignments.ofProposal(proposalId).stream()
                .anyMatch(a -> a.getReplies().stream().anyMatch(r -> r.getStatus() == ReplyStatus.SENT));
    }

    private void tell(long proposalId, Withdrawal withdrawal, String decision, String comment) {
        Map<String, String> values = new HashMap<>(proposals.describe(proposals.require(proposalId)));
        values.put("decision", decision);
        values.put("comment", comment == null ? "" : comment);
        notifications.notify(NotificationEvent.WITHDRAWAL_DECIDED, Recipients.users(withdrawal.requestedBy()), proposalId,
                null, values);
    }
}
