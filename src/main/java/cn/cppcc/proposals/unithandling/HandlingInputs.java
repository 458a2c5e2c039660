package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Reads and records a consultation (Rule 6) and a reply draft (Rule 7), for the API and the forms. */
@Component
public class HandlingInputs {

    static final String PHONE_PATTERN = "[0-9+\\- ()]{5,30}";

    private final UnitAssignmentService assignments;
    private final ProposalSettings settings;
    private final ProposalClock clock;

    HandlingInputs(UnitAssignmentService assignments, ProposalSettings settings, ProposalClock clock) {
        this.assignments = assignments;
        this.settings = settings;
        this.clock = clock;
    }

    /** Rule 6: checks and records a consultation, whichever door it came through (ConsultationRecorded). */
    Long recordConsultation(UnitAssignment assignment, Input input, Actor actor) {
        ConsultationMethod method = input.requiredEnum("method", ConsultationMethod.class);
        LocalDate date = input.requiredDate("date", clock.zone());
        if (date != null) {
            input.check(!date.isAfter(clock.today()), "date", "协商日期不能晚于今天");
        }
        String participants = input.requiredText("participants", 1000);
        String summary = input.requiredText("summary", 10000);
        input.validate();
        Long id = assignments.recordConsultation(assignment, method, date, participants, summary, actor.userId()).getId();
        return id;
    }

    void draftReply(UnitAssignment assignment, Input input, Actor actor) {
        ClassOfReply replyClass = classOfReply(input);
        String text = input.requiredText("text", settings.reply().textMaxLength());
        String leader = input.text("responsibleLeader", 50);
        String leaderPhone = phone(input, "leaderPhone");
        String handler = input.text("handlerName", 50);
        String handlerPhone = phone(input, "handlerPhone");
        input.validate();
        assignments.draftReply(assignment, new ReplyDraft(replyClass.code(), text, replyClass.committedDate(),
                replyClass.reason(), leader, leaderPhone, handler, handlerPhone), actor.userId());
    }

    /**
     * Rule 7: the office corrects the class of the unit's sent reply, with a reason (correctionReason);
     * the new class needs what a draft of it needs. The caller has checked who may.
     */
    void correctReplyClass(UnitAssignment assignment, Input input, Actor actor) {
        ClassOfReply replyClass = classOfReply(input);
        String correctionReason = input.requiredText("correctionReason", 2000);
        input.validate();
        String current = assignment.latestSentReply().map(r -> r.getClassification()).orElse(null);
        if (current == null) {
            throw new ConflictException("该承办单位尚未发出答复，无可更正的答复类别");
        }
        assignments.correctReplyClass(assignment, replyClass.code(), replyClass.committedDate(), replyClass.reason(),
                correctionReason, actor.userId());
    }

    record ClassOfReply(String code, LocalDate committedDate, String reason) {}

    /** Rule 7: a configured class, with the committed date or the reason it needs. */
    private ClassOfReply classOfReply(Input input) {
        String classification = input.text("classification", 4);
        ProposalSettings.ReplyClass replyClass = null;
        if (classification == null) {
            input.error("classification", "必须选择");
        } else {
            replyClass = settings.reply().replyClass(classification).orElse(null);
            input.check(replyClass != null, "classification", "答复类别无效，可选："
                    + String.join("、", settings.reply().classes().stream().map(ProposalSettings.ReplyClass::code).toList()));
        }
        LocalDate committedDate = input.date("committedDate", clock.zone());
        String reason = input.text("reason", 2000);
        if (replyClass != null && replyClass.committedDateRequired()) {
            input.check(committedDate != null || input.hasError("committedDate"), "committedDate",
                    replyClass.code() + "类答复须写明承诺解决的日期");
            if (committedDate != null) {
                input.check(committedDate.isAfter(clock.today()), "committedDate", "承诺日期须晚于今天");
            }
        }
        if (replyClass != null && replyClass.reasonRequired()) {
            input.check(reason != null, "reason", replyClass.code() + "类答复须说明原因");
        }
        return new ClassOfReply(classification, committedDate, reason);
    }

    private static String phone(Input input, String field) {
        String phone = input.text(field, 30);
        if (phone != null) {
            input.check(phone.matches(PHONE_PATTERN), field, "电话号码格式无效");
        }
        return phone;
    }
}
