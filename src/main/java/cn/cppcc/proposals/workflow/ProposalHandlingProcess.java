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

    public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String TASK_REMIND_REVIEW_OVERDUE = "Task_RemindReviewOverdue";
    public static final String GATEWAY_FILED = "Gateway_Filed";
    public static final String TASK_DECIDE_PUBLICATION = "Task_DecidePublication";
    public static final String TASK_SUPERVISE_KEY_PROPOSAL = "Task_SuperviseKeyProposal";
    public static final String TASK_PUBLISH_REPLIES = "Task_PublishReplies";
    public static final String SUB_PROCESS_FOLLOW_UP = "SubProcess_FollowUp";
    public static final String CATCH_FOLLOW_UP_DUE = "IntermediateCatchEvent_FollowUpDue";
    public static final String TASK_FOLLOW_UP = "Task_FollowUp";
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "Msg_WithdrawalRequested";
    public static final String TASK_RECORD_WITHDRAWAL_REQUEST = "Task_RecordWithdrawalRequest";
    public static final String TASK_APPROVE_WITHDRAWAL = "Task_ApproveWithdrawal";
    public static final String TASK_WITHDRAW_PROPOSAL = "Task_WithdrawProposal";

    public static final String END_PROPOSAL_CLOSED = "EndEvent_ProposalClosed";
    public static final String END_REPLIES_PUBLICATION_DECIDED = "EndEvent_RepliesPublicationDecided";
    public static final String END_FOLLOW_UPS_DONE = "EndEvent_FollowUpsDone";
    public static final String END_NO_FOLLOW_UP = "EndEvent_NoFollowUp";
    public static final String END_PUBLICATION_DECIDED = "EndEvent_PublicationDecided";
    public static final String END_NOT_PUBLISHABLE = "EndEvent_NotPublishable";
    public static final String END_KEY_PROPOSAL_SUPERVISED = "EndEvent_KeyProposalSupervised";
    public static final String END_NOT_KEY_PROPOSAL = "EndEvent_NotKeyProposal";
    public static final String END_WITHDRAWAL_REFUSED = "EndEvent_WithdrawalRefused";
    public static final String END_PROPOSAL_WITHDRAWN = "EndEvent_ProposalWithdrawn";
    public static final String END_PROPOSAL_REJECTED = "EndEvent_ProposalRejected";
    public static final String END_PROPOSAL_CONVERTED = "EndEvent_ProposalConverted";
    public static final String END_PROPOSAL_MERGED = "EndEvent_ProposalMerged";

    private ProposalHandlingProcess() {
    }
}
