package cn.cppcc.proposals.proposal;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collection of the co-proposers' confirmations (multi-instance), read from the proposal, so
 * that no list is stored as a (Java-serialized) process variable.
 */
@Component("coProposerRoster")
public class CoProposerRoster {

    private final ProposalService proposals;

    CoProposerRoster(ProposalService proposals) {
        this.proposals = proposals;
    }

    public List<String> pending(Long proposalId) {
        return proposals.require(proposalId).pendingCoProposers();
    }
}
