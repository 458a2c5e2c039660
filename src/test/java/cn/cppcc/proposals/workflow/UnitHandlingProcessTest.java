package cn.cppcc.proposals.workflow;

import static cn.cppcc.proposals.workflow.UnitHandlingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** unit-handling.bpmn: every path of one unit's part, with the module services replaced by recorders. */
@Deployment(resources = "bpmn/unit-handling.bpmn")
class UnitHandlingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    static final Date ACCEPTANCE_DUE = Date.from(Instant.parse("2026-12-04T15:59:59Z"));
    static final Date REPLY_DUE = Date.from(Instant.parse("2027-03-01T15:59:59Z"));
    static final Date OPINION_DUE = Date.from(Instant.parse("2027-01-01T15:59:59Z"));
    static final Date FEEDBACK_DUE = Date.from(Instant.parse("2027-01-20T15:59:59Z"));

    final List<String> calls = new ArrayList<>();
    final Map<String, String> roles = new HashMap<>();

    @BeforeEach
    void registerModuleServices() {
        roles.put("edu", "LEAD");
        roles.put("housing", "LEAD");
        Mocks.register("openUnitAssignmentDelegate", (JavaDelegate) execution -> {
            String unit = (String) execution.getVariable(ProposalVariables.UNIT_CODE);
            calls.add("open " + unit);
            String role = roles.get(unit);
            execution.setVariable(ProposalVariables.UNIT_ROLE, role);
            execution.setVariable(ProposalVariables.ACCEPTANCE_DUE, ACCEPTANCE_DUE);
            execution.setVariable(role.equals("CO") ? ProposalVariables.OPINION_DUE : ProposalVariables.REPLY_DUE,
                    role.equals("CO") ? OPINION_DUE : REPLY_DUE);
        });
        Mocks.register("acceptBySilenceDelegate", (JavaDelegate) execution -> {
            calls.add("accept by silence");
            execution.setVariable(ProposalVariables.ACCEPTED, true);
        });
        Mocks.register("sendReplyDelegate", (JavaDelegate) execution -> {
            calls.add("send reply");
            execution.setVariable(ProposalVariables.FEEDBACK_DUE, FEEDBACK_DUE);
        });
        Mocks.register("recordNoResponseDelegate", (JavaDelegate) execution -> calls.add("no response"));
        Mocks.register("handlingSchedule", new Schedule());
        Mocks.register("supervision", new Supervision());
        Mocks.register("unitGroups", new UnitGroups());
        Mocks.register("proposalPeople", new People());
        Mocks.register("remindReplyDueDelegate", (JavaDelegate) execution -> calls.add("remind reply due"));
        Mocks.register("remindMeetingDelegate", (JavaDelegate) execution -> calls.add("remind meeting"));
        Mocks.register("remindOpinionDelegate", (JavaDelegate) execution -> calls.add("remind opinion"));
        Mocks.register("escalateOverdueDelegate", (JavaDelegate) execution -> calls.add("escalate overdue"));
    }

    static final Date FIRST_REMINDER = Date.from(Instant.parse("2027-01-30T01:00:00Z"));
    static final Date SECOND_REMINDER = Date.from(Instant.parse("2027-02-22T01:00:00Z"));
    static final Date MEETING_DUE = Date.from(Instant.parse("2026-12-25T15:59:59Z"));

    /** The reminders before the reply deadline and the day the unit should have met the proposer. */
    public static class Schedule {
        public List<Date> remindersBefore(Date replyDue) {
            return List.of(FIRST_REMINDER, SECOND_REMINDER);
        }

        public Date meetingDue(Long proposalId, String unitCode) {
            return MEETING_DUE;
        }
    }

    /** A key proposal's supervisor is a candidate of the overdue supervision. */
    public static class Supervision {
        public List<String> candidates(DelegateExecution execution) {
            return List.of("chair1");
        }
    }

    /** unitGroups: the unit's candidate groups (the application reads them from the unit assignment). */
    public static class UnitGroups {
        public String handlers(DelegateExecution execution) {
            return "unit-" + execution.getVariable(ProposalVariables.UNIT_CODE);
        }

        public String leaders(DelegateExecution execution) {
            return "unit-" + execution.getVariable(ProposalVariables.UNIT_CODE) + "-leaders";
        }
    }

    /** proposalPeople: the rating goes to the lead proposer of the proposal's record. */
    public static class People {
        public String leadProposer(DelegateExecution execution) {
            return "member1";
        }
    }

    /** The timer jobs of the handling sub-process, by activity. */
    List<org.camunda.bpm.engine.runtime.Job> timers(ProcessInstance unit, String activityId) {
        return managementService().createJobQuery().processInstanceId(unit.getId()).activityId(activityId).timers().list();
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @AfterAll
    static void everyPathTaken() {
        FlowCoverage.assertEveryFlowTaken("bpmn/unit-handling.bpmn", KEY);
    }

    ProcessInstance assign(String unit) {
        return runtimeService().startProcessInstanceByKey(KEY, "42", Map.of(
                ProposalVariables.PROPOSAL_ID, 42L, ProposalVariables.UNIT_CODE, unit));
    }

    void accept(ProcessInstance unit) {
        complete(task(unit), withVariables(ProposalVariables.ACCEPTED, true));
    }

    void reply(ProcessInstance unit) {
        assertThat(unit).isWaitingAt(TASK_DRAFT_REPLY);
        complete(task(TASK_DRAFT_REPLY, unit), withVariables(ProposalVariables.HANDLING_ACTION, "REPLY"));
    }

    void signOff(ProcessInstance unit, boolean approve) {
        complete(task(unit), withVariables(ProposalVariables.SIGNED_OFF, approve));
    }

    void rate(ProcessInstance unit, boolean reHandle) {
        complete(task(unit), withVariables(ProposalVariables.RE_HANDLE, reHandle));
    }

    @Test
    void acceptedAssignmentIsConsultedRepliedSignedOffAndRated() {
        ProcessInstance unit = assign("edu");
        assertThat(unit).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        assertThat(task(unit)).hasCandidateGroup("unit-edu").hasDueDate(ACCEPTANCE_DUE);
        accept(unit);

        assertThat(unit).isWaitingAt(TASK_DRAFT_REPLY);
        assertThat(task(unit)).hasCandidateGroup("unit-edu").hasDueDate(REPLY_DUE);
        complete(task(unit), withVariables(ProposalVariables.HANDLING_ACTION, "CONSULTATION"));
        reply(unit);

        assertThat(unit).isWaitingAt(TASK_SIGN_OFF_REPLY);
        assertThat(task(unit)).hasCandidateGroup("unit-edu-leaders");
        signOff(unit, true);

        assertThat(unit).isWaitingAt(TASK_RATE_REPLY);
        assertThat(task(unit)).isAssignedTo("member1").hasDueDate(FEEDBACK_DUE);
        rate(unit, false);

        assertThat(unit).hasPassedInOrder(TASK_OPEN_ASSIGNMENT, TASK_ACCEPT_ASSIGNMENT, TASK_DRAFT_REPLY,
                TASK_DRAFT_REPLY, TASK_SIGN_OFF_REPLY, END_REPLY_SIGNED_OFF, TASK_SEND_REPLY, TASK_RATE_REPLY).isEnded();
        assertThat(unit).hasPassed(END_UNIT_HANDLING_DONE);
        assertThat(calls).containsExactly("open edu", "send reply");
    }

    @Test
    void silenceCountsAsAcceptance() {
        ProcessInstance unit = assign("edu");
        assertThat(job(unit)).hasDueDate(ACCEPTANCE_DUE);
        execute(job(unit));

        assertThat(unit).hasPassed(TASK_ACCEPT_BY_SILENCE).isWaitingAt(TASK_DRAFT_REPLY);
        assertThat(calls).containsExactly("open edu", "accept by silence");
    }

    @Test
    void objectionReassignedToAnotherUnitStartsItsOwnAcceptance() {
        ProcessInstance unit = assign("edu");
        complete(task(unit), withVariables(ProposalVariables.ACCEPTED, false));

        assertThat(unit).isWaitingAt(TASK_RESOLVE_OBJECTION);
        assertThat(task(unit)).hasCandidateGroup("proposal-office");
        complete(task(unit), withVariables(ProposalVariables.OBJECTION_DECISION, "REASSIGN",
                ProposalVariables.UNIT_CODE, "housing"));

        assertThat(unit).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        assertThat(task(unit)).hasCandidateGroup("unit-housing");
        assertThat(calls).containsExactly("open edu", "open housing");
    }

    @Test
    void upheldObjectionLeavesTheUnitToHandleIt() {
        ProcessInstance unit = assign("edu");
        complete(task(unit), withVariables(ProposalVariables.ACCEPTED, false));
        complete(task(unit), withVariables(ProposalVariables.OBJECTION_DECISION, "UPHOLD"));

        assertThat(unit).isWaitingAt(TASK_DRAFT_REPLY);
        assertThat(task(unit)).hasCandidateGroup("unit-edu");
    }

    @Test
    void coUnitSendsItsOpinionAndIsDone() {
        roles.put("transport", "CO");
        ProcessInstance unit = assign("transport");
        accept(unit);

        assertThat(unit).isWaitingAt(TASK_SEND_OPINION);
        assertThat(task(unit)).hasCandidateGroup("unit-transport").hasDueDate(OPINION_DUE);
        complete(task(unit));

        assertThat(unit).hasPassed(END_OPINION_SENT).isEnded();
        assertThat(unit).hasNotPassed(TASK_DRAFT_REPLY);
    }

    @Test
    void replyReturnedByTheLeaderIsDraftedAgain() {
        ProcessInstance unit = assign("edu");
        accept(unit);
        reply(unit);
        signOff(unit, false);

        assertThat(unit).isWaitingAt(TASK_DRAFT_REPLY);
        assertThat(calls).doesNotContain("send reply");
    }

    @Test
    void dissatisfiedRatingIsCoordinatedAndHandledAgain() {
        ProcessInstance unit = assign("edu");
        accept(unit);
        reply(unit);
        signOff(unit, true);
        rate(unit, true);

        assertThat(unit).isWaitingAt(TASK_COORDINATE_RE_HANDLING);
        assertThat(task(unit)).hasCandidateGroup("proposal-office");
        complete(task(unit), withVariables(ProposalVariables.REPLY_DUE, REPLY_DUE));

        reply(unit);
        signOff(unit, true);
        rate(unit, false);
        assertThat(unit).hasPassed(END_UNIT_HANDLING_DONE).isEnded();
        assertThat(calls).containsExactly("open edu", "send reply", "send reply");
    }

    @Test
    void handlingWaitsWithRemindersMeetingCheckAndOverdueWatch() {
        ProcessInstance unit = assign("edu");
        accept(unit);

        assertThat(unit).isWaitingAt(TASK_DRAFT_REPLY, CATCH_REMINDER_DUE, CATCH_MEETING_DUE, CATCH_REPLY_OVERDUE);
        assertThat(timers(unit, CATCH_REMINDER_DUE)).extracting(org.camunda.bpm.engine.runtime.Job::getDuedate)
                .containsExactlyInAnyOrder(FIRST_REMINDER, SECOND_REMINDER);
        assertThat(timers(unit, CATCH_MEETING_DUE).get(0).getDuedate()).isEqualTo(MEETING_DUE);
        assertThat(timers(unit, CATCH_REPLY_OVERDUE).get(0).getDuedate()).isEqualTo(REPLY_DUE);

        execute(timers(unit, CATCH_MEETING_DUE).get(0));
        timers(unit, CATCH_REMINDER_DUE).forEach(job -> execute(job));
        assertThat(calls).containsExactly("open edu", "remind meeting", "remind reply due", "remind reply due");
        assertThat(unit).isWaitingAt(TASK_DRAFT_REPLY, CATCH_REPLY_OVERDUE);
    }

    @Test
    void overdueReplyIsEscalatedAndSupervisedWhileTheUnitStillReplies() {
        ProcessInstance unit = assign("edu");
        accept(unit);
        execute(timers(unit, CATCH_REPLY_OVERDUE).get(0));

        assertThat(calls).contains("escalate overdue");
        assertThat(unit).isWaitingAt(TASK_DRAFT_REPLY, TASK_SUPERVISE_OVERDUE);
        var supervision = taskQuery().processInstanceId(unit.getId()).taskDefinitionKey(TASK_SUPERVISE_OVERDUE).singleResult();
        assertThat(supervision).hasCandidateGroup("proposal-office").hasCandidateUser("chair1");
        complete(supervision);
        assertThat(unit).hasPassed("EndEvent_OverdueSupervised").isWaitingAt(TASK_DRAFT_REPLY);
    }

    @Test
    void signingOffEndsTheRemindersAndAnOpenSupervision() {
        ProcessInstance unit = assign("edu");
        accept(unit);
        execute(timers(unit, CATCH_REPLY_OVERDUE).get(0));
        reply(unit);
        complete(taskQuery().processInstanceId(unit.getId()).taskDefinitionKey(TASK_SIGN_OFF_REPLY).singleResult(),
                withVariables(ProposalVariables.SIGNED_OFF, true));

        assertThat(unit).hasPassed(END_REPLY_SIGNED_OFF).isWaitingAt(TASK_RATE_REPLY);
        assertThat(taskQuery().processInstanceId(unit.getId()).taskDefinitionKey(TASK_SUPERVISE_OVERDUE).count()).isZero();
        assertThat(timers(unit, CATCH_REMINDER_DUE)).isEmpty();
        assertThat(timers(unit, CATCH_MEETING_DUE)).isEmpty();
    }

    @Test
    void coUnitLateWithItsOpinionIsReminded() {
        roles.put("transport", "CO");
        ProcessInstance unit = assign("transport");
        accept(unit);
        assertThat(job(unit)).hasDueDate(OPINION_DUE);
        execute(job(unit));

        assertThat(calls).contains("remind opinion");
        assertThat(unit).hasPassed(END_OPINION_REMINDED).isWaitingAt(TASK_SEND_OPINION);
    }

    @Test
    void noRatingInTimeIsRecordedAsNoResponse() {
        ProcessInstance unit = assign("edu");
        accept(unit);
        reply(unit);
        signOff(unit, true);
        assertThat(job(unit)).hasDueDate(FEEDBACK_DUE);
        execute(job(unit));

        assertThat(unit).hasPassed(TASK_RECORD_NO_RESPONSE, END_NO_RESPONSE).isEnded();
        assertThat(calls).endsWith("no response");
    }
}
