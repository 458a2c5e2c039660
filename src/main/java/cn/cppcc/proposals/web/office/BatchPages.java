package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.catalog.Unit;
import cn.cppcc.proposals.plenary.BatchQueues;
import cn.cppcc.proposals.plenary.BatchSteps;
import cn.cppcc.proposals.proposal.ReviewDecision;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.unithandling.AssignmentMode;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.web.StepRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Rule 17 on the office's workbench: the batch tables of the proposals awaiting review and
 * assignment. The office adjusts rows, selects many and confirms once; each selected row is then
 * its own step through plenary/BatchSteps, as {@code POST /api/proposals/batch/...}. The page's
 * script sends the rows a few at a time to {@code .../run} and shows the progress; without it the
 * form's POST does them all and the page shows what became of each.
 */
@Controller
class BatchPages {

    /** The decisions the table offers; the others need the one-by-one page (grounds, units, a target). */
    static final List<ReviewDecision> DECISIONS = List.of(ReviewDecision.FILE, ReviewDecision.RETURN);

    private final BatchQueues queues;
    private final BatchSteps batch;
    private final Catalog catalog;
    private final UnitAssignmentService assignments;
    private final CurrentActor currentActor;
    private final StepRunner runner;

    BatchPages(BatchQueues queues, BatchSteps batch, Catalog catalog, UnitAssignmentService assignments,
            CurrentActor currentActor, StepRunner runner) {
        this.queues = queues;
        this.batch = batch;
        this.catalog = catalog;
        this.assignments = assignments;
        this.currentActor = currentActor;
        this.runner = runner;
    }

    /** What became of a row the form sent, for the page without its script. */
    record RowResult(long proposalId, String label, String title, BatchSteps.Result result) {}

    @GetMapping("/office/batch/review")
    String review(Model model) {
        Actor actor = officeOnly();
        BatchQueues.Queue<BatchQueues.ReviewRow> queue = queues.review(actor);
        model.addAttribute("queue", queue);
        model.addAttribute("decisions", DECISIONS);
        model.addAttribute("categories", catalog.categories().stream().filter(Category::isActive)
                .map(Category::getName).toList());
        return "office/batch-review";
    }

    @GetMapping("/office/batch/assignment")
    String assignment(Model model) {
        Actor actor = officeOnly();
        model.addAttribute("queue", queues.assignment(actor));
        model.addAttribute("units", catalog.units().stream().filter(Unit::isActive).toList());
        model.addAttribute("modes", AssignmentMode.values());
        model.addAttribute("defaultDeadline", assignments.defaultReplyDeadline());
        model.addAttribute("maxDeadline", assignments.maxReplyDeadline());
        return "office/batch-assignment";
    }

    /** The form without the page's script: every selected row, then the table again with the results. */
    @PostMapping("/office/batch/review")
    String reviewSelected(@RequestParam MultiValueMap<String, String> form, Model model) {
        Actor actor = officeOnly();
        Map<Long, BatchQueues.ReviewRow> shown = queues.review(actor).rows().stream()
                .collect(Collectors.toMap(BatchQueues.ReviewRow::proposalId, Function.identity()));
        List<Map<String, Object>> items = items(form, List.of("decision", "category", "comment"), List.of());
        run(BatchSteps.Kind.REVIEW, items, actor, model,
                id -> shown.get(id) == null ? null : new String[] {shown.get(id).label(), shown.get(id).title()});
        return review(model);
    }

    @PostMapping("/office/batch/assignment")
    String assignSelected(@RequestParam MultiValueMap<String, String> form, Model model) {
        Actor actor = officeOnly();
        Map<Long, BatchQueues.AssignmentRow> shown = queues.assignment(actor).rows().stream()
                .collect(Collectors.toMap(BatchQueues.AssignmentRow::proposalId, Function.identity()));
        List<Map<String, Object>> items = items(form, List.of("mode", "lead", "deadline"), List.of("units"));
        run(BatchSteps.Kind.ASSIGNMENT, items, actor, model,
                id -> shown.get(id) == null ? null : new String[] {shown.get(id).label(), shown.get(id).title()});
        return assignment(model);
    }

    /** A few rows from the page's script, as JSON: {@code {items[...]}} → {@code {results[...]}}. */
    @PostMapping(path = "/office/batch/review/run", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> runReview(@RequestBody Map<String, Object> body) {
        return run(BatchSteps.Kind.REVIEW, body);
    }

    @PostMapping(path = "/office/batch/assignment/run", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> runAssignment(@RequestBody Map<String, Object> body) {
        return run(BatchSteps.Kind.ASSIGNMENT, body);
    }

    private ResponseEntity<Object> run(BatchSteps.Kind kind, Map<String, Object> body) {
        Actor actor = officeOnly();
        StepRunner.Outcome<BatchSteps.Results> outcome = runner.call(() -> batch.run(kind, body, actor));
        if (outcome.ok()) {
            return ResponseEntity.ok(outcome.value());
        }
        return ResponseEntity.status(outcome.invalid() ? 400 : 403)
                .body(Map.of("message", outcome.invalid() ? outcome.summary() : outcome.flashError()));
    }

    /**
     * The selected rows in the table's order, each with its own fields: {@code <field>-<proposalId>}
     * (a list for {@code listFields}).
     */
    static List<Map<String, Object>> items(MultiValueMap<String, String> form, List<String> fields,
            List<String> listFields) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> selected = form.getOrDefault("selected", List.of());
        for (String id : selected.stream().distinct().toList()) {
            Map<String, Object> item = new HashMap<>();
            item.put("proposalId", id);
            for (String field : fields) {
                String value = form.getFirst(field + "-" + id);
                if (value != null && !value.isBlank()) {
                    item.put(field, value);
                }
            }
            for (String field : listFields) {
                item.put(field, form.getOrDefault(field + "-" + id, List.of()).stream()
                        .filter(v -> v != null && !v.isBlank()).toList());
            }
            items.add(item);
        }
        return items;
    }

    /** The failed rows' messages by proposal: the table shows them again, selected, to be corrected. */
    /** Runs the selected rows and puts each row's result (or why nothing ran) on the page. */
    private void run(BatchSteps.Kind kind, List<Map<String, Object>> items, Actor actor, Model model,
            Function<Long, String[]> labels) {
        StepRunner.Outcome<BatchSteps.Results> outcome = runner.call(() -> batch.run(kind, Map.of("items", items), actor));
        if (outcome.ok()) {
            model.addAttribute("failures", failures(outcome.value()));
            model.addAttribute("results", rowResults(outcome.value(), labels));
        } else {
            model.addAttribute("noneSelected", items.isEmpty());
            model.addAttribute("error", items.isEmpty() ? null : outcome.summary());
        }
    }

    private static Map<Long, String> failures(BatchSteps.Results results) {
        Map<Long, String> failures = new HashMap<>();
        results.results().stream().filter(r -> !r.ok() && r.proposalId() != null).forEach(r -> failures.put(
                r.proposalId(), r.errors().stream().map(e -> e.message()).collect(Collectors.joining("；"))));
        return failures;
    }

    private static List<RowResult> rowResults(BatchSteps.Results results, Function<Long, String[]> labels) {
        List<RowResult> rows = new ArrayList<>();
        for (BatchSteps.Result result : results.results()) {
            String[] label = result.proposalId() == null ? null : labels.apply(result.proposalId());
            rows.add(new RowResult(result.proposalId() == null ? 0 : result.proposalId(),
                    label == null ? "" : label[0], label == null ? "" : label[1], result));
        }
        return rows;
    }

    private Actor officeOnly() {
        Actor actor = currentActor.get();
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以批量办理");
        }
        return actor;
    }
}
