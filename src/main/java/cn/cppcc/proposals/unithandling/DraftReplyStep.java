package cn.cppcc.proposals.unithandling;

import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.workflow.TaskText;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_DraftReply 办理答复: the unit records consultations with the proposer (Rule 6, first) and then
 * submits its reply (Rule 7) for the leader's sign-off. In Tasklist one form does both; the API
 * records consultations without a task and submits the reply here.
 */
@Component
class DraftReplyStep implements Step {

    private final UnitAssignmentService assignments;
    private final HandlingInputs inputs;
    private final Catalog catalog;
    private final ProposalSettings settings;
    private final NotificationService notifications;

    DraftReplyStep(UnitAssignmentService assignments, HandlingInputs inputs, Catalog catalog,
            ProposalSettings settings, NotificationService notifications) {
        this.notifications = notifications;
        this.assignments = assignments;
        this.inputs = inputs;
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public String taskKey() {
        return UnitHandlingProcess.TASK_DRAFT_REPLY;
    }

    @Override
    public Set<String> fields() {
        return Set.of("action", "method", "date", "participants", "summary", "classification", "text",
                "committedDate", "reason", "responsibleLeader", "leaderPhone", "handlerName", "handlerPhone");
    }

    @Override
    public Taker taker() {
        return Taker.UNIT_HANDLER;
    }

    @Override
    public String page() {
        return "handling";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        // a consultation is recorded with its own record (ConsultationRecorded), as on every door
        return "CONSULTATION".equals(given.get("action")) ? null
                : new StepLabel(AuditAction.REPLY_DRAFTED, "答复：" + given.getOrDefault("classification", "") + "类");
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        UnitAssignment a = assignment(subject);
        // Back from recording a consultation in Tasklist: the task stays with the handler who recorded
        // it (the project's record of the consultation says who), rather than going back to the group
        // to be claimed again. The step's guard still checks the unit on completion.
        if (HandlingAction.CONSULTATION.name().equals(task.getExecution().getVariable(ProposalVariables.HANDLING_ACTION))) {
            a.getConsultations().stream().max(java.util.Comparator.comparing(Consultation::getRecordedAt))
                    .map(Consultation::getRecordedBy).ifPresent(task::setAssignee);
        }
        task.setVariableLocal("unitName", catalog.unitName(a.getUnitCode()));
        task.setVariableLocal("replyDeadline", a.getDeadline().toString());
        task.setVariableLocal("handlingRound", a.getRound());
        task.setVariableLocal("consultationsText", TaskText.fit(UnitTexts.consultations(a)));
        task.setVariableLocal("replyClasses", settings.reply().classes().stream()
                .map(c -> c.code() + " " + c.label()).collect(Collectors.joining("；")));
        String opinions = assignments.ofProposal(a.getProposalId()).stream()
                .filter(o -> o.getRole() == UnitRole.CO && o.getStatus() != UnitStatus.REASSIGNED)
                .map(o -> catalog.unitName(o.getUnitCode()) + "：" + (o.getOpinionText() == null ? "（尚未提出）" : o.getOpinionText()))
                .collect(Collectors.joining("\n"));
        task.setVariableLocal("coUnitOpinions", opinions.isEmpty() ? "（无会办单位）" : TaskText.fit(opinions));
        task.setVariableLocal("earlierReplies", TaskText.fit(earlier(a)));
        // handling again (Rule 9): why, at the top of the form
        a.reHandling().ifPresent(again -> task.setVariableLocal("reHandlingText", TaskText.fit(
                "提案者的意见：" + (again.proposerComment() == null ? "（未填写）" : again.proposerComment())
                        + "\n\n提案委员会的协调意见：" + (again.officeNote() == null ? "（无）" : again.officeNote())
                        + "\n\n新的答复期限：" + again.deadline())));
    }

    /** Earlier drafts returned by the leader, earlier rounds' replies and ratings, the office's notes. */
    private static String earlier(UnitAssignment a) {
        StringBuilder text = new StringBuilder();
        for (Reply r : a.getReplies()) {
            text.append("第").append(r.getRound()).append("轮 ").append(r.getClassification()).append("类答复");
            if (r.getStatus() == ReplyStatus.RETURNED) {
                text.append("（被退回：").append(r.getSignOffComment() == null ? "" : r.getSignOffComment()).append("）");
            }
            if (r.getRating() != null) {
                text.append("，提案人评价：").append(UnitTexts.rating(r.getRating()));
                if (r.getRatingComment() != null) {
                    text.append("（").append(r.getRatingComment()).append("）");
                }
            }
            text.append("：").append(r.getText()).append('\n');
        }
        a.getCoordinations().forEach(c -> text.append("提案委员会协调意见（第").append(c.getRound()).append("轮）：")
                .append(c.getNote()).append('\n'));
        return text.isEmpty() ? "（无）" : text.toString().strip();
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        UnitAssignment assignment = assignment(subject);
        HandlingAction action = input.optionalEnum("action", HandlingAction.class);
        input.validate();
        if (action == HandlingAction.CONSULTATION) {
            inputs.recordConsultation(assignment, input, actor);
        } else {
            action = HandlingAction.REPLY;
            inputs.draftReply(assignment, input, actor);
            java.util.Map<String, String> values = assignments.describe(assignment);
            values.put("replyClass", assignment.latestReply().orElseThrow().getClassification());
            notifications.notify(NotificationEvent.SIGN_OFF_REQUESTED,
                    Recipients.groups(Actor.unitLeadersGroup(assignment.getUnitCode())), assignment.getProposalId(),
                    assignment.getUnitCode(), values);
        }
        task.getExecution().setVariable(ProposalVariables.HANDLING_ACTION, action.name());
    }

    private UnitAssignment assignment(StepSubject subject) {
        return assignments.ofInstance(subject.processInstanceId());
    }
}
