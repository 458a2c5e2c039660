package cn.cppcc.proposals.unithandling;

/** API.md unit status. */
public enum UnitStatus {
    AWAITING_ACCEPTANCE, OBJECTED, HANDLING, AWAITING_SIGN_OFF, REPLIED, RE_HANDLING, DONE, REASSIGNED
}
