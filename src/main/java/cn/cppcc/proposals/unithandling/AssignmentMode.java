package cn.cppcc.proposals.unithandling;

/** Rule 4: one unit, a lead unit with co-units, or several units that each reply 分办. */
public enum AssignmentMode {
    SINGLE, LEAD_AND_CO, SEPARATE
}
