package cn.cppcc.proposals.web;

import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import java.util.List;

/**
 * The logged-in user as the layout needs them: name and roles, for the navigation.
 *
 * @param units the codes of the units the user handles or leads
 */
public record PageUser(String userId, String name, boolean member, boolean office, boolean auditor,
                       boolean supervisor, boolean admin, List<String> units, List<String> ledUnits) {

    static PageUser of(Actor actor, String name) {
        List<String> units = ProposalAccess.unitsOf(actor);
        return new PageUser(actor.userId(), name, actor.isIn(Actor.MEMBERS), actor.isOffice(),
                actor.isIn(Actor.AUDITORS), actor.isIn(Actor.SUPERVISORS), actor.isIn(Actor.ADMINS), units,
                units.stream().filter(actor::leads).toList());
    }

    public boolean unit() {
        return !units.isEmpty();
    }

    /** Office, auditors and supervisors read the figures: dashboard and reports. */
    public boolean reportReader() {
        return office || auditor || supervisor;
    }

    /**
     * Staff who may work in Camunda Tasklist (the office, units, supervisors, auditors, admins): a
     * member does every step of theirs on the pages and is never sent to Tasklist.
     */
    public boolean staff() {
        return office || unit() || auditor || supervisor || admin;
    }

    /** Office and auditors search the text of every proposal. */
    public boolean searcher() {
        return office || auditor;
    }
}
