package cn.cppcc.proposals.workflow;

/**
 * The process variables: only what routing and timers need, written by the project's code alone
 * (workers submit forms, and may not set variables: see StepForms and security/EngineDoors).
 * Everything else lives in the project's own tables, keyed by the business key (the proposal id);
 * who works a task (assignee, candidate groups) and what a step acts on come from those records,
 * never from variables (StepSubjects, proposal/ProposalPeople, assignment/UnitGroups).
 */
public final class ProposalVariables {

    /** Long: the proposal's id, also the business key of both processes. */
    public static final String PROPOSAL_ID = "proposalId";
    /** Boolean: the proposal waits for co-proposers' confirmations (Rule 1). */
    public static final String JOINT_PROPOSAL = "jointProposal";
    /** String: the co-proposer of one confirmation task (multi-instance element). */
    public static final String CO_PROPOSER = "coProposer";
    /** Date: end of the co-proposers' window (Rule 1). */
    public static final String CO_PROPOSERS_DUE = "coProposersDue";
    /** Date: end of the review deadline (Rule 2). */
    public static final String REVIEW_DUE = "reviewDue";
    /** String: FILE, RETURN, REJECT, CONVERT or MERGE. */
    public static final String REVIEW_DECISION = "reviewDecision";

    /** String: the unit of one unit-handling instance; changes when the office reassigns. */
    public static final String UNIT_CODE = "unitCode";
    /** String: SINGLE, LEAD, CO or SEPARATE. */
    public static final String UNIT_ROLE = "unitRole";
    /** Date: end of the acceptance window (Rule 5). */
    public static final String ACCEPTANCE_DUE = "acceptanceDue";
    /** Boolean: the unit accepted (or stayed silent); false when it objected. */
    public static final String ACCEPTED = "accepted";
    /** String: REASSIGN or UPHOLD. */
    public static final String OBJECTION_DECISION = "objectionDecision";
    /** Date: the co-unit's opinion is due (Rule 6). */
    public static final String OPINION_DUE = "opinionDue";
    /** Date: the reply deadline (Rule 4), shorter after DISSATISFIED (Rule 9). */
    public static final String REPLY_DUE = "replyDue";
    /** String: CONSULTATION (recorded, keep handling) or REPLY (draft goes to sign-off). */
    public static final String HANDLING_ACTION = "handlingAction";
    /** Boolean: the unit leader signed the reply off. */
    public static final String SIGNED_OFF = "signedOff";
    /** Date: end of the feedback window (Rule 9). */
    public static final String FEEDBACK_DUE = "feedbackDue";
    /** Boolean: rated DISSATISFIED with a handling round left (Rule 9). */
    public static final String RE_HANDLE = "reHandle";

    /** Boolean: the proposer consented to publication (Rule 12). */
    public static final String PUBLIC_CONSENT = "publicConsent";
    /** Boolean: filed as a key proposal 重点提案. */
    public static final String KEY_PROPOSAL = "keyProposal";
    /** Date: the office decides on publishing by then (Rule 12). */
    public static final String PUBLICATION_DUE = "publicationDue";
    /** Boolean: the closed proposal has B-class replies to follow up (Rule 11). */
    public static final String FOLLOW_UP_NEEDED = "followUpNeeded";
    /** Boolean: the proposal was published; its replies may follow (Rule 12). */
    public static final String PUBLISHED = "published";
    /** Boolean: the withdrawal needs the office's approval (after filing, Rule 10). */
    public static final String WITHDRAWAL_NEEDS_APPROVAL = "withdrawalNeedsApproval";
    /** Boolean: the office approved the withdrawal. */
    public static final String WITHDRAWAL_APPROVED = "withdrawalApproved";

    /**
     * Transient, set by a service task's delegate: what the audit trail records about it beyond its
     * name (audit/EngineAudit reads and removes it when the task ends).
     */
    public static final String AUDIT_DETAIL = "auditDetail";

    private ProposalVariables() {
    }
}
