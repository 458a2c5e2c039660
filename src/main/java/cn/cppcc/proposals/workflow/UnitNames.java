package cn.cppcc.proposals.workflow;

/** The names of the handling units, for what people read (the audit trail's records among them). */
public interface UnitNames {

    /** The unit's name, or its code when there is no such unit. */
    String unitName(String code);
}
