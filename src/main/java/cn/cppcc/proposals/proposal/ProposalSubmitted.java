package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;

/**
 * A proposal left its proposer (Rule 1): registered by the aggregate, published when it is saved.
 *
 * @param sessionCode the session's code, e.g. 10-6
 */
public record ProposalSubmitted(Proposal proposal, String sessionCode) implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        Proposal p = proposal;
        String coProposers = String.join("、", p.getCoProposers().stream().map(CoProposer::getUserId).toList());
        return AuditNote.of(AuditAction.PROPOSAL_SUBMITTED, p.getId(), null, null, "案由：" + p.getTitle()
                + "；提案者：" + p.getProposer() + "；提案者类型：" + p.getProposerType()
                + (coProposers.isEmpty() ? "" : "；联名人：" + coProposers)
                + "；届次：" + sessionCode + "；" + (p.getKind() == ProposalKind.PLENARY ? "大会提案" : "平时提案")
                + (p.getProposer().equals(p.getRegisteredBy()) ? "" : "；代委员登记：" + p.getRegisteredBy()));
    }
}
