package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see a proposal (API.md "Access"): its proposers, the office, auditors, the units it is
 * or was assigned or forwarded to, and the supervisor of a key proposal. A proposal the caller may
 * not see answers 404, as if it did not exist.
 */
@Service
@Transactional(readOnly = true)
public class ProposalAccess {

    private final ProposalService proposals;
    private final AssignedUnits assignedUnits;

    ProposalAccess(ProposalService proposals, AssignedUnits assignedUnits) {
        this.proposals = proposals;
        this.assignedUnits = assignedUnits;
    }

    public Proposal requireVisible(long id, Actor actor) {
        Proposal proposal;
        try {
            proposal = proposals.require(id);
        } catch (NotFoundException e) {
            throw new NotFoundException("没有该提案：" + id);
        }
        if (!canSee(proposal, actor)) {
            throw new NotFoundException("没有该提案：" + id);
        }
        return proposal;
    }

    public boolean canSee(Proposal proposal, Actor actor) {
        if (actor.isOffice() || actor.isIn(Actor.AUDITORS)) {
            return true;
        }
        if (proposal.isProposerOrCoProposer(actor.userId())) {
            return true;
        }
        if (actor.isIn(Actor.SUPERVISORS) && proposal.isKeyProposal()
                && actor.userId().equals(proposal.getSupervisor())) {
            return true;
        }
        List<String> units = unitsOf(actor);
        if (units.isEmpty()) {
            return false;
        }
        if (units.contains(proposal.getConvertedTo())) {
            return true;
        }
        return assignedUnits.isAssignedToAny(proposal.getId(), units);
    }

    /** The unit codes whose handler or leader the actor is. */
    public static List<String> unitsOf(Actor actor) {
        return actor.groups().stream()
                .filter(g -> g.startsWith("unit-"))
                .map(g -> g.endsWith("-leaders") ? g.substring(5, g.length() - 8) : g.substring(5))
                .distinct().toList();
    }
}
