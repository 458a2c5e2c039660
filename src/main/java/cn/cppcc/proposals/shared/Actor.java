package cn.cppcc.proposals.shared;

import java.util.List;

/**
 * Who is acting: a user of the engine's identity service and their groups.
 *
 * @param userId never {@code null}
 * @param groups the user's Camunda groups, e.g. {@code proposal-office}, {@code unit-edu}
 */
public record Actor(String userId, List<String> groups) {

    public static final String MEMBERS = "members";
    public static final String OFFICE = "proposal-office";
    public static final String SUPERVISORS = "supervisors";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "admins";

    public Actor {
        groups = List.copyOf(groups);
    }

    public boolean isIn(String group) {
        return group != null && groups.contains(group);
    }

    public boolean isOffice() {
        return isIn(OFFICE);
    }

    /** Handler of the unit: group {@code unit-<code>}. */
    public boolean handles(String unitCode) {
        return isIn(unitGroup(unitCode));
    }

    /** Leader of the unit: group {@code unit-<code>-leaders}. */
    public boolean leads(String unitCode) {
        return isIn(unitLeadersGroup(unitCode));
    }

    public static String unitGroup(String unitCode) {
        return "unit-" + unitCode;
    }

    public static String unitLeadersGroup(String unitCode) {
        return "unit-" + unitCode + "-leaders";
    }
}
