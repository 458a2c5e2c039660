package cn.cppcc.proposals.proposal;

import java.util.Collection;

/** Whether a proposal is or was assigned to a unit: the unit handling module answers (it owns the assignments). */
public interface AssignedUnits {

    boolean isAssignedToAny(long proposalId, Collection<String> unitCodes);
}
