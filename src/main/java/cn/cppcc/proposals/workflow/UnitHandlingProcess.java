package cn.cppcc.proposals.workflow;

/** Ids of {@code bpmn/unit-handling.bpmn}: one unit's part in one proposal. */
public final class UnitHandlingProcess {

    public static final String KEY = "UnitHandlingProcess";

    public static final String START_UNIT_ASSIGNED = "StartEvent_UnitAssigned";
    public static final String TASK_OPEN_ASSIGNMENT = "Task_OpenAssignment";
    public static final String TASK_ACCEPT_ASSIGNMENT = "Task_AcceptAssignment";
    public static final String BOUNDARY_ACCEPTANCE_WINDOW_CLOSED = "BoundaryEvent_AcceptanceWindowClosed";
    public static final String TASK_ACCEPT_BY_SILENCE = "Task_AcceptBySilence";
    public static final String GATEWAY_ACCEPTANCE_DECISION = "Gateway_AcceptanceDecision";
    public static final String TASK_RESOLVE_OBJECTION = "Task_ResolveObjection";
    public static final String GATEWAY_OBJECTION_DECISION = "Gateway_ObjectionDecision";
    public static final String GATEWAY_UNIT_ROLE = "Gateway_UnitRole";
    public static final String TASK_SEND_OPINION = "Task_SendOpinion";
    public static final String TASK_DRAFT_REPLY = "Task_DraftReply";
    public static final String GATEWAY_HANDLING_ACTION = "Gateway_HandlingAction";
    public static final String TASK_SIGN_OFF_REPLY = "Task_SignOffReply";
    public static final String GATEWAY_SIGN_OFF_DECISION = "Gateway_SignOffDecision";
    public static final String TASK_SEND_REPLY = "Task_SendReply";
    public static final String TASK_RATE_REPLY = "Task_RateReply";
    public static final String BOUNDARY_FEEDBACK_WINDOW_CLOSED = "BoundaryEvent_FeedbackWindowClosed";
    public static final String TASK_RECORD_NO_RESPONSE = "Task_RecordNoResponse";
    public static final String GATEWAY_RATING_OUTCOME = "Gateway_RatingOutcome";
    public static final String TASK_COORDINATE_RE_HANDLING = "Task_CoordinateReHandling";

    public static final String BOUNDARY_OPINION_OVERDUE = "BoundaryEvent_OpinionOverdue";
    public static final String TASK_REMIND_OPINION = "Task_RemindOpinion";
    public static final String SUB_PROCESS_HANDLING = "SubProcess_Handling";
    public static final String CATCH_REMINDER_DUE = "IntermediateCatchEvent_ReminderDue";
    public static final String TASK_REMIND_REPLY_DUE = "Task_RemindReplyDue";
    public static final String CATCH_MEETING_DUE = "IntermediateCatchEvent_MeetingDue";
    public static final String TASK_REMIND_MEETING = "Task_RemindMeeting";
    public static final String CATCH_REPLY_OVERDUE = "IntermediateCatchEvent_ReplyOverdue";
    public static final String TASK_ESCALATE_OVERDUE = "Task_EscalateOverdue";
    public static final String TASK_SUPERVISE_OVERDUE = "Task_SuperviseOverdue";

    public static final String END_OPINION_SENT = "EndEvent_OpinionSent";
    public static final String END_OPINION_REMINDED = "EndEvent_OpinionReminded";
    public static final String END_REPLY_SIGNED_OFF = "EndEvent_ReplySignedOff";
    public static final String END_UNIT_HANDLING_DONE = "EndEvent_UnitHandlingDone";
    public static final String END_NO_RESPONSE = "EndEvent_NoResponse";

    private UnitHandlingProcess() {
    }
}
