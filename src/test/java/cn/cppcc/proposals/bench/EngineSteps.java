package cn.cppcc.proposals.bench;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.SubmissionService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.unithandling.Consultations;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;

/**
 * The steps in-process, for filling a database with many proposals: each does what the API's
 * controller for that endpoint does after reading the request (the same service call, with the
 * engine's authentication set to the acting user and their groups as the API's filter sets it),
 * so the same rows are written: the project's tables, the audit trail, the notifications, the
 * engine's runtime and history. What differs: no HTTP, no password check, no visibility check
 * (a read) before the step, and the audit records' client address is {@code system}, not the
 * caller's.
 */
final class EngineSteps implements Steps {

    private final SubmissionService submissions;
    private final StepService steps;
    private final UnitAssignmentService assignments;
    private final Consultations consultations;
    private final Directory directory;
    private final IdentityService identityService;
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

    EngineSteps(ApplicationContext application) {
        this.submissions = application.getBean(SubmissionService.class);
        this.steps = application.getBean(StepService.class);
        this.assignments = application.getBean(UnitAssignmentService.class);
        this.consultations = application.getBean(Consultations.class);
        this.directory = application.getBean(Directory.class);
        this.identityService = application.getBean(IdentityService.class);
    }

    @Override
    public long submit(String member, Map<String, Object> submission) {
        return as(member, actor -> submissions.submit(submission, actor).getId());
    }

    @Override
    public void take(ApiStep step, String user, long id, String unit, Map<String, Object> body) {
        as(user, actor -> {
            switch (step) {
                case CONFIRM_CO_PROPOSAL -> steps.complete(
                        TaskTarget.assignedTo(id, ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL, user), body);
                case REVIEW -> steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_REVIEW_PROPOSAL), body);
                case REVISION -> steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_REVISE_PROPOSAL), body);
                case ASSIGNMENT -> steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL), body);
                case PUBLICATION -> publication(id, body);
                case ACCEPTANCE -> unitStep(id, unit, UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT, body);
                case OPINION -> unitStep(id, unit, UnitHandlingProcess.TASK_SEND_OPINION, body);
                case CONSULTATION -> consultations.record(id, unit, body, actor);
                case REPLY -> {
                    // as HandlingController: the reply is the draft-reply form's REPLY action
                    Map<String, Object> reply = new HashMap<>(body);
                    reply.put("action", "REPLY");
                    unitStep(id, unit, UnitHandlingProcess.TASK_DRAFT_REPLY, reply);
                }
                case SIGN_OFF -> unitStep(id, unit, UnitHandlingProcess.TASK_SIGN_OFF_REPLY, body);
                case FEEDBACK -> unitStep(id, unit, UnitHandlingProcess.TASK_RATE_REPLY, body);
                case COORDINATION -> unitStep(id, unit, UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, body);
                case SUBMIT -> throw new IllegalArgumentException("submit() submits");
            }
            return null;
        });
    }

    private void unitStep(long id, String unit, String taskKey, Map<String, Object> body) {
        steps.complete(assignments.taskOf(id, unit, taskKey), body);
    }

    /** As PublicationController: the proposal's publication, or its replies' after closing. */
    private void publication(long id, Map<String, Object> body) {
        for (String key : List.of(ProposalHandlingProcess.TASK_DECIDE_PUBLICATION, ProposalHandlingProcess.TASK_PUBLISH_REPLIES)) {
            if (steps.openTask(TaskTarget.of(id, key)).isPresent()) {
                steps.complete(TaskTarget.of(id, key), body);
                return;
            }
        }
        throw new ConflictException("no publication step open for proposal " + id);
    }

    private <T> T as(String user, Function<Actor, T> work) {
        List<String> groupsOfUser = groups.computeIfAbsent(user, directory::groupsOf);
        identityService.setAuthentication(user, groupsOfUser);
        try {
            return work.apply(new Actor(user, groupsOfUser));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
