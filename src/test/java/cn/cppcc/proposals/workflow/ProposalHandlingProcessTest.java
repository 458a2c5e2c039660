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
    }

    @BeforeEach
    void registerModuleServices() {
        Mocks.register("registerProposalDelegate", (JavaDelegate) execution -> {
            calls.add("register");
            execution.setVariable(ProposalVariables.JOINT_PROPOSAL, joint);
            if (joint) {
                execution.setVariable(ProposalVariables.CO_PROPOSERS_DUE, CO_PROPOSERS_DUE);
            }
        });
        Mocks.register("openReviewDelegate", (JavaDelegate) execution -> {
            calls.add("open review");
            execution.setVariable(ProposalVariables.REVIEW_DUE, REVIEW_DUE);
        });
        Mocks.register("dropSilentCoProposersDelegate", (JavaDelegate) execution -> calls.add("drop silent"));
        Mocks.register("closeProposalDelegate", (JavaDelegate) execution -> calls.add("close"));
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
                Map.of(ProposalVariables.PROPOSAL_ID, 7L, ProposalVariables.PROPOSER, "member1"));
    }

    void review(ProcessInstance proposal, String decision) {
        assertThat(proposal).isWaitingAt(TASK_REVIEW_PROPOSAL);
        complete(task(TASK_REVIEW_PROPOSAL, proposal), withVariables(ProposalVariables.REVIEW_DECISION, decision));
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
        ProcessInstance proposal = submit();
        review(proposal, "FILE");

        assertThat(proposal).isWaitingAt(TASK_ASSIGN_PROPOSAL);
        assertThat(task(proposal)).hasCandidateGroup("proposal-office");
        complete(task(proposal));

        assertThat(proposal).isWaitingAt(CALL_ACTIVITY_UNIT_HANDLING);
        List<ProcessInstance> unitInstances = processInstanceQuery().superProcessInstanceId(proposal.getId()).list();
        assertThat(unitInstances).hasSize(2).allSatisfy(unit -> assertThat(unit.getBusinessKey()).isEqualTo("7"));
        assertThat(taskQuery().taskCandidateGroup("unit-edu").count()).isEqualTo(1);
        assertThat(taskQuery().taskCandidateGroup("unit-transport").count()).isEqualTo(1);

        for (ProcessInstance unit : unitInstances) {
            complete(task(unit), withVariables(ProposalVariables.ACCEPTED, true));
            complete(task(unit), withVariables(ProposalVariables.HANDLING_ACTION, "REPLY"));
            complete(task(unit), withVariables(ProposalVariables.SIGNED_OFF, true));
            assertThat(proposal).isNotEnded();
            complete(task(unit), withVariables(ProposalVariables.RE_HANDLE, false));
        }

        assertThat(proposal).hasPassedInOrder(TASK_ASSIGN_PROPOSAL, CALL_ACTIVITY_UNIT_HANDLING, TASK_CLOSE_PROPOSAL,
                END_PROPOSAL_CLOSED).isEnded();
        assertThat(calls).endsWith("close");
    }
}
