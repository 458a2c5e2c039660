package cn.cppcc.proposals.workflow;

/** Ids of {@code bpmn/proposal-handling.bpmn}: the life of one proposal. */
public final class ProposalHandlingProcess {

    public static final String KEY = "ProposalHandlingProcess";

    public static final String START_PROPOSAL_SUBMITTED = "StartEvent_ProposalSubmitted";
    public static final String TASK_REGISTER_PROPOSAL = "Task_RegisterProposal";
    public static final String GATEWAY_JOINT_PROPOSAL = "Gateway_JointProposal";
    public static final String TASK_CONFIRM_CO_PROPOSAL = "Task_ConfirmCoProposal";
    public static final String BOUNDARY_CO_PROPOSERS_WINDOW_CLOSED = "BoundaryEvent_CoProposersWindowClosed";
    public static final String TASK_DROP_SILENT_CO_PROPOSERS = "Task_DropSilentCoProposers";
    public static final String TASK_OPEN_REVIEW = "Task_OpenReview";
    public static final String TASK_REVIEW_PROPOSAL = "Task_ReviewProposal";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String TASK_REVISE_PROPOSAL = "Task_ReviseProposal";
    public static final String TASK_ASSIGN_PROPOSAL = "Task_AssignProposal";
    public static final String CALL_ACTIVITY_UNIT_HANDLING = "CallActivity_UnitHandling";
    public static final String TASK_CLOSE_PROPOSAL = "Task_CloseProposal";

    public static final String END_PROPOSAL_CLOSED = "EndEvent_ProposalClosed";
    public static final String END_PROPOSAL_REJECTED = "EndEvent_ProposalRejected";
    public static final String END_PROPOSAL_CONVERTED = "EndEvent_ProposalConverted";
    public static final String END_PROPOSAL_MERGED = "EndEvent_ProposalMerged";

    private ProposalHandlingProcess() {
    }
}
