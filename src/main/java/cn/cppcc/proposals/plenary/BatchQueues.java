package cn.cppcc.proposals.plenary;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.similarity.SimilarityService;
import cn.cppcc.proposals.unithandling.AssignmentMode;
import cn.cppcc.proposals.unithandling.UnitSuggestions;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponse;

/**
 * The office's batch tables (rule 17): the proposals whose review, or assignment, is open now, oldest
 * first, each with what the office decides from. For a review: the member's suggested category and
 * whether a similar proposal exists (rule 3), which the office then opens on its own to decide
 * MERGE. For an assignment: the decision table's suggested units (rule 4), preselected as the
 * one-by-one page preselects them.
 */
@Service
public class BatchQueues {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineAsSystem system;
    private final ProposalService proposals;
    private final SimilarityService similarity;
    private final UnitSuggestions suggestions;
    private final Directory directory;
    private final PlenarySettings settings;

    BatchQueues(TaskService taskService, RuntimeService runtimeService, EngineAsSystem system,
            ProposalService proposals, SimilarityService similarity, UnitSuggestions suggestions, Directory directory,
            PlenarySettings settings) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.system = system;
        this.proposals = proposals;
        this.similarity = similarity;
        this.suggestions = suggestions;
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * A proposal most like one awaiting review, at least {@code proposals.plenary.similar-flag-score}.
     */
    public record SimilarFlag(long id, String number, String title, double score) {}

    /**
     * One row of the batch review.
     *
     * @param similar {@code null} when no proposal is similar enough; {@code similarUnknown} when the
     *                index could not be asked (it is rebuilt after a start)
     */
    public record ReviewRow(long proposalId, String label, String title, String proposer, String proposerName,
                            String suggestedCategory, Date due, List<SimilarFlag> similar, boolean similarUnknown) {}

    /** One row of the batch assignment, with the decision table's units preselected. */
    public record AssignmentRow(long proposalId, String label, String title, String proposerName, String category,
                                boolean key, List<UnitSuggestions.Suggestion> suggested, String mode,
                                List<String> units, String lead) {}

    /** The rows and how many more are waiting than the table shows. */
    public record Queue<R>(List<R> rows, long total) {}

    public Queue<ReviewRow> review(Actor actor) {
        officeOnly(actor);
        List<ReviewRow> rows = new ArrayList<>();
        Queue<Open> open = open(BatchSteps.Kind.REVIEW);
        for (Open task : open.rows()) {
            Proposal p = task.proposal();
            List<SimilarFlag> similar = List.of();
            boolean unknown = false;
            try {
                similar = similarity.similarTo(p.getId(), Map.of("limit", "3"), actor).stream()
                        .filter(s -> s.score() >= settings.similarFlagScore())
                        .map(s -> new SimilarFlag(s.id(), s.number(), s.title(), s.score())).toList();
            } catch (RuntimeException e) {
                if (!(e instanceof ErrorResponse)) {
                    throw e;
                }
                unknown = true; // the index is still being rebuilt after a start
            }
            rows.add(new ReviewRow(p.getId(), label(p), p.getTitle(), p.getProposer(),
                    directory.displayName(p.getProposer()), p.getSuggestedCategory(), task.due(), similar, unknown));
        }
        return new Queue<>(rows, open.total());
    }

    public Queue<AssignmentRow> assignment(Actor actor) {
        officeOnly(actor);
        List<AssignmentRow> rows = new ArrayList<>();
        Queue<Open> open = open(BatchSteps.Kind.ASSIGNMENT);
        for (Open task : open.rows()) {
            Proposal p = task.proposal();
            List<UnitSuggestions.Suggestion> suggested = suggestions.suggest(p);
            List<String> units = suggested.stream().map(UnitSuggestions.Suggestion::code).toList();
            // as the one-by-one page: several suggested, the first leads and the others are co-units
            String mode = units.size() > 1 ? AssignmentMode.LEAD_AND_CO.name() : AssignmentMode.SINGLE.name();
            rows.add(new AssignmentRow(p.getId(), label(p), p.getTitle(), directory.displayName(p.getProposer()),
                    p.getCategory(), p.isKeyProposal(), suggested, mode, units, units.size() > 1 ? units.get(0) : null));
        }
        return new Queue<>(rows, open.total());
    }

    private record Open(Proposal proposal, Date due) {}

    /** The open tasks of the step that are the office's, oldest first, with their proposals. */
    private Queue<Open> open(BatchSteps.Kind kind) {
        var query = taskService.createTaskQuery().taskDefinitionKey(kind.taskKey()).taskCandidateGroup(Actor.OFFICE);
        long total = query.count();
        List<Task> tasks = query.orderByTaskCreateTime().asc().listPage(0, settings.queueSize());
        if (tasks.isEmpty()) {
            return new Queue<>(List.of(), total);
        }
        Set<String> instances = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        // which proposal a task belongs to is the application's to read (as workflow/MyTasks does)
        Map<String, String> keys = system.read(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceIds(instances).list()).stream()
                .collect(Collectors.toMap(ProcessInstance::getId, p -> String.valueOf(p.getBusinessKey())));
        List<Open> open = new ArrayList<>();
        for (Task task : tasks) {
            String key = keys.get(task.getProcessInstanceId());
            if (key == null || !key.matches("\\d{1,18}")) {
                continue;
            }
            try {
                open.add(new Open(proposals.require(Long.parseLong(key)), task.getDueDate()));
            } catch (NotFoundException e) {
                // a process without its proposal belongs to no batch
            }
        }
        return new Queue<>(open, total);
    }

    private static String label(Proposal p) {
        return p.getNumber() != null ? p.getNumber() : "#" + p.getSerialNo();
    }

    private static void officeOnly(Actor actor) {
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以批量办理");
        }
    }
}
