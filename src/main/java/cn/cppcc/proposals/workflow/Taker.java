package cn.cppcc.proposals.workflow;

/**
 * Who may take a step, in the terms of DOMAIN.md's roles. {@link StepGuard} checks it against the
 * project's records for every door (the API, the pages, Tasklist and the engine's REST API).
 */
public enum Taker {

    /** Proposal office staff (group {@code proposal-office}). */
    OFFICE("只有提案委员会可以办理该步骤"),
    /** The proposal's lead proposer. */
    LEAD_PROPOSER("只有领衔提案人可以办理该步骤"),
    /** A co-proposer asked to confirm (an answer given closes their step: 409, not 403). */
    CO_PROPOSER("只有被邀请的联名人可以确认联名"),
    /** A handler of the unit whose part it is (group {@code unit-<code>}). */
    UNIT_HANDLER("只有该承办单位的经办人可以办理"),
    /** A leader of the unit whose part it is (group {@code unit-<code>-leaders}). */
    UNIT_LEADER("只有该承办单位负责人可以签发"),
    /** The supervising leader named for the key proposal. */
    KEY_SUPERVISOR("只有该重点提案的督办领导可以办理"),
    /** The office, or the supervising leader of a key proposal (Rule 8). */
    OFFICE_OR_KEY_SUPERVISOR("只有提案委员会或该重点提案的督办领导可以督办");

    private final String refusal;

    Taker(String refusal) {
        this.refusal = refusal;
    }

    /** The message of a 403 for someone else. */
    public String refusal() {
        return refusal;
    }
}
