package cn.cppcc.proposals.workflow;

import static cn.cppcc.proposals.workflow.ProposalHandlingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** proposal-handling.bpmn: every path of a proposal's life, with the module services replaced by recorders. */
@Deployment(resources = {"bpmn/proposal-handling.bpmn", "bpmn/unit-handling.bpmn"})
class ProposalHandlingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    static final Date CO_PROPOSERS_DUE = Date.from(Instant.parse("2026-11-27T15:59:59Z"));
    static final Date REVIEW_DUE = Date.from(Instant.parse("2026-12-11T15:59:59Z"));

    final List<String> calls = new ArrayList<>();
    boolean joint;
    boolean consent = true;
    boolean published;
    List<String> followUps = List.of();
    boolean withdrawalNeedsApproval;
    List<String> coProposers = List.of();
    List<String> units = List.of();

    /** The co-proposers and units are read from the proposal, never stored as list variables. */
    public class Roster {
        public List<String> pending(Long proposalId) {
            return coProposers;
        }

        public List<String> unitsToOpen(Long proposalId) {
            return units;
        }

        /** followUpSchedule: the units whose B-class reply is followed up, and when. */
        public List<String> units(Long proposalId) {
            return followUps;
        }

        public Date dueOf(Long proposalId, String unitCode) {
            return FOLLOW_UP_DUE;
        }

        /** handlingSchedule and supervision of the unit-handling process. */
        public List<Date> remindersBefore(Date replyDue) {
            return List.of();
        }

        public Date meetingDue(Long proposalId, String unitCode) {
            return REVIEW_DUE;
        }

        public List<String> candidates(DelegateExecution execution) {
            return List.of();
        }
    }

    /** proposalPeople: the proposer's and the supervisor's tasks go to the people on the proposal's record. */
    public static class People {
        public String leadProposer(DelegateExecution execution) {
            return "member1";
        }

        public String keySupervisor(DelegateExecution execution) {
            return "chair1";
        }

        /** unitGroups of the unit-handling process. */
        public String handlers(DelegateExecution execution) {
            return "unit-" + execution.getVariable(ProposalVariables.UNIT_CODE);
        }

        public String leaders(DelegateExecution execution) {
            return "unit-" + execution.getVariable(ProposalVariables.UNIT_CODE) + "-leaders";
        }
    }

    static final Date FOLLOW_UP_DUE = Date.from(Instant.parse("2027-06-30T00:00:00Z"));
    static final Date PUBLICATION_DUE = Date.from(Instant.parse("2026-12-07T15:59:59Z"));

    @BeforeEach
    void registerModuleServices() {
        Mocks.register("registerProposalDelegate", (JavaDelegate) execution -> {
            calls.add("register");
            execution.setVariable(ProposalVariables.JOINT_PROPOSAL, joint);
            execution.setVariable(ProposalVariables.PUBLIC_CONSENT, consent);
            if (joint) {
                execution.setVariable(ProposalVariables.CO_PROPOSERS_DUE, CO_PROPOSERS_DUE);
            }
        });
        Mocks.register("openReviewDelegate", (JavaDelegate) execution -> {
            calls.add("open review");
            execution.setVariable(ProposalVariables.REVIEW_DUE, REVIEW_DUE);
        });
        Mocks.register("dropSilentCoProposersDelegate", (JavaDelegate) execution -> calls.add("drop silent"));
        Mocks.register("closeProposalDelegate", (JavaDelegate) execution -> {
            calls.add("close");
            execution.setVariable(ProposalVariables.FOLLOW_UP_NEEDED, !followUps.isEmpty());
            execution.setVariable(ProposalVariables.PUBLISHED, published);
        });
        Mocks.register("followUpSchedule", new Roster());
        Mocks.register("handlingSchedule", new Roster());
        Mocks.register("supervision", new Roster());
        Mocks.register("proposalPeople", new People());
        Mocks.register("unitGroups", new People());
        Mocks.register("remindReviewOverdueDelegate", (JavaDelegate) execution -> calls.add("review overdue"));
        Mocks.register("recordWithdrawalRequestDelegate", (JavaDelegate) execution -> {
            calls.add("withdrawal requested");
            execution.setVariable(ProposalVariables.WITHDRAWAL_NEEDS_APPROVAL, withdrawalNeedsApproval);
        });
        Mocks.register("withdrawProposalDelegate", (JavaDelegate) execution -> calls.add("withdraw"));
        Mocks.register("coProposerRoster", new Roster());
        Mocks.register("assignmentRoster", new Roster());
        Mocks.register("openUnitAssignmentDelegate", (JavaDelegate) execution -> {
            execution.setVariable(ProposalVariables.UNIT_ROLE, "SINGLE");
            execution.setVariable(ProposalVariables.ACCEPTANCE_DUE, CO_PROPOSERS_DUE);
            execution.setVariable(ProposalVariables.REPLY_DUE, REVIEW_DUE);
        });
        Mocks.register("sendReplyDelegate", (JavaDelegate) execution ->
                execution.setVariable(ProposalVariables.FEEDBACK_DUE, REVIEW_DUE));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @AfterAll
    static void everyPathTaken() {
        FlowCoverage.assertEveryFlowTaken("bpmn/proposal-handling.bpmn", KEY);
    }

    ProcessInstance submit() {
        return runtimeService().startProcessInstanceByKey(KEY, "7",
                Map.of(ProposalVariables.PROPOSAL_ID, 7L));
    }

    void review(ProcessInstance proposal, String decision) {
        assertThat(proposal).isWaitingAt(TASK_REVIEW_PROPOSAL);
        complete(task(TASK_REVIEW_PROPOSAL, proposal), withVariables(ProposalVariables.REVIEW_DECISION, decision));
    }

    void file(ProcessInstance proposal, boolean key) {
        assertThat(proposal).isWaitingAt(TASK_REVIEW_PROPOSAL);
        complete(task(TASK_REVIEW_PROPOSAL, proposal), withVariables(ProposalVariables.REVIEW_DECISION, "FILE",
                ProposalVariables.KEY_PROPOSAL, key,
                ProposalVariables.PUBLICATION_DUE, PUBLICATION_DUE));
    }

    /** Assigns to the units and lets each of them accept, reply and be rated. */
    void handleByUnits(ProcessInstance proposal) {
        complete(task(TASK_ASSIGN_PROPOSAL, proposal));
        for (ProcessInstance unit : processInstanceQuery().superProcessInstanceId(proposal.getId()).list()) {
            complete(task(unit), withVariables(ProposalVariables.ACCEPTED, true));
            complete(task(UnitHandlingProcess.TASK_DRAFT_REPLY, unit), withVariables(ProposalVariables.HANDLING_ACTION, "REPLY"));
            complete(task(UnitHandlingProcess.TASK_SIGN_OFF_REPLY, unit), withVariables(ProposalVariables.SIGNED_OFF, true));
            complete(task(unit), withVariables(ProposalVariables.RE_HANDLE, false));
        }
    }

    @Test
    void memberProposalGoesStraightToTheOfficesReview() {
        ProcessInstance proposal = submit();

        assertThat(proposal).isWaitingAt(TASK_REVIEW_PROPOSAL);
        assertThat(task(proposal)).hasCandidateGroup("proposal-office").hasDueDate(REVIEW_DUE);
        assertThat(proposal).hasNotPassed(TASK_CONFIRM_CO_PROPOSAL);
        assertThat(calls).containsExactly("register", "open review");
    }

    @Test
    void jointProposalWaitsForEveryCoProposer() {
        joint = true;
        coProposers = List.of("member2", "member3");
        ProcessInstance proposal = submit();

        List<Task> confirmations = taskQuery().processInstanceId(proposal.getId()).list();
        assertThat(confirmations).extracting(Task::getAssignee).containsExactlyInAnyOrder("member2", "member3");
        assertThat(confirmations).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(CO_PROPOSERS_DUE));
        complete(confirmations.get(0));
        assertThat(proposal).isWaitingAt(TASK_CONFIRM_CO_PROPOSAL);
        complete(confirmations.get(1));

        assertThat(proposal).isWaitingAt(TASK_REVIEW_PROPOSAL);
        assertThat(calls).containsExactly("register", "open review");
    }

    @Test
    void coProposersWhoStaySilentAreDroppedWhenTheWindowCloses() {
        joint = true;
        coProposers = List.of("member2", "member3");
        ProcessInstance proposal = submit();
        complete(taskQuery().processInstanceId(proposal.getId()).taskAssignee("member2").singleResult());

        assertThat(job(proposal)).hasDueDate(CO_PROPOSERS_DUE);
        execute(job(proposal));

        assertThat(proposal).hasPassed(TASK_DROP_SILENT_CO_PROPOSERS).isWaitingAt(TASK_REVIEW_PROPOSAL);
        assertThat(calls).containsExactly("register", "drop silent", "open review");
    }

    @Test
    void returnedProposalIsRevisedByItsProposerAndReviewedAgain() {
        ProcessInstance proposal = submit();
        review(proposal, "RETURN");

        assertThat(proposal).isWaitingAt(TASK_REVISE_PROPOSAL);
        assertThat(task(proposal)).isAssignedTo("member1");
        complete(task(proposal));

        assertThat(proposal).isWaitingAt(TASK_REVIEW_PROPOSAL);
        assertThat(calls).containsExactly("register", "open review", "open review");
    }

    @Test
    void rejectedProposalEnds() {
        ProcessInstance proposal = submit();
        review(proposal, "REJECT");
        assertThat(proposal).hasPassed(END_PROPOSAL_REJECTED).isEnded();
    }

    @Test
    void convertedProposalEnds() {
        ProcessInstance proposal = submit();
        review(proposal, "CONVERT");
        assertThat(proposal).hasPassed(END_PROPOSAL_CONVERTED).isEnded();
    }

    @Test
    void mergedProposalEnds() {
        ProcessInstance proposal = submit();
        review(proposal, "MERGE");
        assertThat(proposal).hasPassed(END_PROPOSAL_MERGED).isEnded();
    }

    @Test
    void filedProposalIsAssignedHandledByEachUnitInParallelAndClosed() {
        units = List.of("edu", "transport");
        consent = false;
        ProcessInstance proposal = submit();
        file(proposal, false);

        assertThat(proposal).hasPassed(END_NOT_PUBLISHABLE, END_NOT_KEY_PROPOSAL).isWaitingAt(TASK_ASSIGN_PROPOSAL);
        assertThat(task(proposal)).hasCandidateGroup("proposal-office");
        complete(task(proposal));

        assertThat(proposal).isWaitingAt(CALL_ACTIVITY_UNIT_HANDLING);
        List<ProcessInstance> unitInstances = processInstanceQuery().superProcessInstanceId(proposal.getId()).list();
        assertThat(unitInstances).hasSize(2).allSatisfy(unit -> assertThat(unit.getBusinessKey()).isEqualTo("7"));
        assertThat(taskQuery().taskCandidateGroup("unit-edu").count()).isEqualTo(1);
        assertThat(taskQuery().taskCandidateGroup("unit-transport").count()).isEqualTo(1);

        for (ProcessInstance unit : unitInstances) {
            complete(task(unit), withVariables(ProposalVariables.ACCEPTED, true));
            complete(task(UnitHandlingProcess.TASK_DRAFT_REPLY, unit), withVariables(ProposalVariables.HANDLING_ACTION, "REPLY"));
            complete(task(UnitHandlingProcess.TASK_SIGN_OFF_REPLY, unit), withVariables(ProposalVariables.SIGNED_OFF, true));
            assertThat(proposal).isNotEnded();
            complete(task(unit), withVariables(ProposalVariables.RE_HANDLE, false));
        }

        assertThat(proposal).hasPassedInOrder(TASK_ASSIGN_PROPOSAL, CALL_ACTIVITY_UNIT_HANDLING, TASK_CLOSE_PROPOSAL,
                END_PROPOSAL_CLOSED).hasPassed(END_NO_FOLLOW_UP).isEnded();
        assertThat(calls).endsWith("close");
    }

    @Test
    void filedKeyProposalIsPublishedSupervisedFollowedUpAndItsRepliesPublished() {
        units = List.of("edu");
        published = true;
        followUps = List.of("edu");
        ProcessInstance proposal = submit();
        file(proposal, true);

        assertThat(proposal).isWaitingAt(TASK_ASSIGN_PROPOSAL, TASK_DECIDE_PUBLICATION, TASK_SUPERVISE_KEY_PROPOSAL);
        assertThat(task(TASK_DECIDE_PUBLICATION, proposal)).hasCandidateGroup("proposal-office").hasDueDate(PUBLICATION_DUE);
        assertThat(task(TASK_SUPERVISE_KEY_PROPOSAL, proposal)).isAssignedTo("chair1");
        complete(task(TASK_DECIDE_PUBLICATION, proposal));
        complete(task(TASK_SUPERVISE_KEY_PROPOSAL, proposal));
        assertThat(proposal).hasPassed(END_PUBLICATION_DECIDED, END_KEY_PROPOSAL_SUPERVISED);

        handleByUnits(proposal);

        assertThat(proposal).hasPassed(TASK_CLOSE_PROPOSAL).isWaitingAt(TASK_PUBLISH_REPLIES, CATCH_FOLLOW_UP_DUE);
        assertThat(job(proposal)).hasDueDate(FOLLOW_UP_DUE);
        execute(job(proposal));
        assertThat(task(TASK_FOLLOW_UP, proposal)).hasCandidateGroup("proposal-office");
        complete(task(TASK_FOLLOW_UP, proposal));
        complete(task(TASK_PUBLISH_REPLIES, proposal));

        assertThat(proposal).hasPassed(END_FOLLOW_UPS_DONE, END_REPLIES_PUBLICATION_DECIDED).isEnded();
    }

    @Test
    void overdueReviewRemindsTheOfficeAndTheReviewGoesOn() {
        ProcessInstance proposal = submit();
        assertThat(job(proposal)).hasDueDate(REVIEW_DUE);
        execute(job(proposal));

        assertThat(calls).contains("review overdue");
        assertThat(proposal).hasPassed(TASK_REMIND_REVIEW_OVERDUE).isWaitingAt(TASK_REVIEW_PROPOSAL);
    }

    @Test
    void proposerWithdrawsAtWillBeforeFiling() {
        ProcessInstance proposal = submit();
        runtimeService().correlateMessage(MESSAGE_WITHDRAWAL_REQUESTED, "7");

        assertThat(proposal).hasPassed(TASK_RECORD_WITHDRAWAL_REQUEST, TASK_WITHDRAW_PROPOSAL, END_PROPOSAL_WITHDRAWN)
                .hasNotPassed(TASK_APPROVE_WITHDRAWAL).isEnded();
        assertThat(calls).endsWith("withdrawal requested", "withdraw");
    }

    @Test
    void approvedWithdrawalOfAFiledProposalEndsEveryUnitsHandling() {
        units = List.of("edu");
        withdrawalNeedsApproval = true;
        ProcessInstance proposal = submit();
        file(proposal, false);
        complete(task(TASK_ASSIGN_PROPOSAL, proposal));
        ProcessInstance unit = processInstanceQuery().superProcessInstanceId(proposal.getId()).singleResult();

        runtimeService().correlateMessage(MESSAGE_WITHDRAWAL_REQUESTED, "7");
        assertThat(proposal).isWaitingAt(TASK_APPROVE_WITHDRAWAL, CALL_ACTIVITY_UNIT_HANDLING);
        assertThat(task(TASK_APPROVE_WITHDRAWAL, proposal)).hasCandidateGroup("proposal-office");
        complete(task(TASK_APPROVE_WITHDRAWAL, proposal), withVariables(ProposalVariables.WITHDRAWAL_APPROVED, true));

        assertThat(proposal).hasPassed(END_PROPOSAL_WITHDRAWN).isEnded();
        assertThat(unit).isEnded();
        assertThat(taskQuery().processInstanceBusinessKey("7").count()).isZero();
    }

    @Test
    void refusedWithdrawalLeavesTheProposalInHandling() {
        units = List.of("edu");
        withdrawalNeedsApproval = true;
        ProcessInstance proposal = submit();
        file(proposal, false);
        runtimeService().correlateMessage(MESSAGE_WITHDRAWAL_REQUESTED, "7");
        complete(task(TASK_APPROVE_WITHDRAWAL, proposal), withVariables(ProposalVariables.WITHDRAWAL_APPROVED, false));

        assertThat(proposal).hasPassed(END_WITHDRAWAL_REFUSED).isWaitingAt(TASK_ASSIGN_PROPOSAL);
        assertThat(calls).doesNotContain("withdraw");
    }
}
