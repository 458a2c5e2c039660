package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;

/**
 * A proposal left its proposer (Rule 1): registered by the aggregate, published when it is saved.
 *
 * @param sessionName the session's name, e.g. 政协第十届委员会第六次会议
 * @param names       the names of the people it names (proposer, co-proposers, who registered it), by user id
 */
public record ProposalSubmitted(Proposal proposal, String sessionName, Map<String, String> names) implements AuditedEvent {

    public ProposalSubmitted {
        names = Map.copyOf(names);
    }

    @Override
    public AuditNote auditNote() {
        Proposal p = proposal;
        String coProposers = String.join("、", p.getCoProposers().stream().map(c -> name(c.getUserId())).toList());
        return AuditNote.of(AuditAction.PROPOSAL_SUBMITTED, p.getId(), null, null, "案由：" + p.getTitle()
                + "；提案者：" + name(p.getProposer()) + "；提案者类型：" + CodeLabels.of("proposerType", p.getProposerType())
                + (coProposers.isEmpty() ? "" : "；联名人：" + coProposers)
                + "；届次：" + sessionName + "；" + CodeLabels.of("kind", p.getKind())
                + (p.getProposer().equals(p.getRegisteredBy()) ? "" : "；代委员登记：" + name(p.getRegisteredBy())));
    }

    private String name(String userId) {
        return names.getOrDefault(userId, userId);
    }
}
