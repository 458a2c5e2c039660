package cn.cppcc.proposals.unithandling;

/** Rule 4: a unit's part. SINGLE and SEPARATE units and the LEAD unit reply; a CO unit 会办 sends an opinion to the lead unit. */
public enum UnitRole {
    SINGLE, LEAD, CO, SEPARATE
}
