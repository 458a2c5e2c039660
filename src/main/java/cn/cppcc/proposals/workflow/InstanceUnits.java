package cn.cppcc.proposals.workflow;

import java.util.Optional;

/** Which unit a unit-handling process instance works for: the unit assignment that owns it. */
public interface InstanceUnits {

    /** The unit of the instance's current (not reassigned) assignment, if the instance is one unit's part. */
    Optional<String> unitOf(String processInstanceId);
}
