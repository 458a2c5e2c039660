package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.unithandling.AssignmentMode;
import cn.cppcc.proposals.unithandling.ObjectionDecision;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.unithandling.UnitSuggestions;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.catalog.Unit;
import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.dossier.DossierService;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.proposal.RejectGround;
import cn.cppcc.proposals.proposal.ReviewDecision;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.similarity.SimilarityService;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.OpenTasks;
import cn.cppcc.proposals.web.PageResults;
import cn.cppcc.proposals.web.StepRunner;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's workbench and step pages; each step goes through {@link StepService} as the API's does. */
@Controller
class OfficePages {

    static final int SIMILAR_LIMIT = 8;
    static final int EXCERPT = 300;

    /** The queues of the workbench, by step; the office's other tasks (worked in Tasklist) come last. */
    static final Map<String, String> QUEUES = new LinkedHashMap<>();

    static {
        QUEUES.put(ProposalHandlingProcess.TASK_REVIEW_PROPOSAL, "office.queue.review");
        QUEUES.put(ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL, "office.queue.assign");
        QUEUES.put(UnitHandlingProcess.TASK_RESOLVE_OBJECTION, "office.queue.objections");
        QUEUES.put(UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, "office.queue.coordination");
        QUEUES.put(UnitHandlingProcess.TASK_SUPERVISE_OVERDUE, "office.queue.overdue");
    }

    private final OpenTasks openTasks;
    private final StepService steps;
    private final ProposalAccess access;
    private final DossierService dossiers;
    private final UnitAssignmentService assignments;
    private final UnitSuggestions suggestions;
    private final SimilarityService similarity;
    private final Catalog catalog;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final StepRunner runner;

    OfficePages(OpenTasks openTasks, StepService steps, ProposalAccess access, DossierService dossiers,
            UnitAssignmentService assignments, UnitSuggestions suggestions, SimilarityService similarity,
            Catalog catalog, Directory directory, CurrentActor currentActor, StepRunner runner) {
        this.openTasks = openTasks;
        this.steps = steps;
        this.access = access;
        this.dossiers = dossiers;
        this.assignments = assignments;
        this.suggestions = suggestions;
        this.similarity = similarity;
        this.catalog = catalog;
        this.directory = directory;
        this.currentActor = currentActor;
        this.runner = runner;
    }

    record Queue(String key, String title, List<OpenTasks.OpenTask> tasks) {}

    @GetMapping("/office")
    String workbench(Model model) {
        Actor actor = officeOnly();
        List<OpenTasks.OpenTask> mine = openTasks.mine(actor);
        List<Queue> queues = new ArrayList<>();
        QUEUES.forEach((key, title) -> queues.add(new Queue(key, title,
                mine.stream().filter(t -> t.taskKey().equals(key)).toList())));
        queues.add(new Queue("other", "office.queue.other",
                mine.stream().filter(t -> !QUEUES.containsKey(t.taskKey())).toList()));
        model.addAttribute("queues", queues);
        return "office/workbench";
    }

    // --- review (Rule 2) with the similar proposals (Rule 3) ----------------------------------------

    /** A similar proposal beside the one reviewed, with its text and replies, and whether it may take a merge. */
    record Similar(SimilarityService.SimilarProposal match, String background, String suggestions,
                   List<Dossier.UnitView> replied, boolean mergeable) {}

    @GetMapping("/proposals/{id}/review")
    String review(@PathVariable long id, Model model, RedirectAttributes flash) {
        return reviewPage(id, FormValues.empty(), model, flash);
    }

    private String reviewPage(long id, FormValues form, Model model, RedirectAttributes flash) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        TaskTarget target = TaskTarget.of(id, ProposalHandlingProcess.TASK_REVIEW_PROPOSAL);
        String refusal = steps.refusal(target, actor);
        if (refusal != null) {
            return PageResults.refuse(id, refusal, flash);
        }
        Optional<Task> task = steps.openTask(target);
        if (task.isEmpty()) {
            return PageResults.refuse(id, PageResults.NOT_OPEN, flash);
        }
        Dossier dossier = dossiers.dossier(id, actor);
        if (form.get("category") == null && dossier.suggestedCategory() != null) {
            form.with("category", dossier.suggestedCategory());
        }
        model.addAttribute("d", dossier);
        model.addAttribute("form", form);
        model.addAttribute("tasklist", OpenTasks.tasklistLink(task.get().getId()));
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("rejectGrounds", RejectGround.values());
        model.addAttribute("categories", catalog.categories().stream().filter(Category::isActive).map(Category::getName).toList());
        model.addAttribute("supervisors", directory.membersOf(Actor.SUPERVISORS).stream()
                .map(u -> Map.of("id", u.getId(), "name", directory.displayName(u.getId()))).toList());
        model.addAttribute("units", activeUnits());
        try {
            model.addAttribute("similar", similarity.similarTo(id, Map.of("limit", String.valueOf(SIMILAR_LIMIT)), actor)
                    .stream().map(match -> similar(match, actor)).toList());
        } catch (RuntimeException e) {
            if (!(e instanceof ErrorResponse)) {
                throw e;
            }
            model.addAttribute("similarUnavailable", true); // the index is still being built after a start
        }
        return "office/review";
    }

    private Similar similar(SimilarityService.SimilarProposal match, Actor actor) {
        Dossier other = dossiers.dossier(match.id(), actor);
        return new Similar(match, excerpt(other.background()), excerpt(other.suggestions()),
                other.units().stream().filter(u -> u.reply() != null).toList(),
                ProposalStatus.valueOf(other.status()).isFiledAndOpen());
    }

    @PostMapping("/proposals/{id}/review")
    String decide(@PathVariable long id, @RequestParam MultiValueMap<String, String> values, Model model,
            RedirectAttributes flash) {
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_REVIEW_PROPOSAL), form.fields(Set.of()));
        });
        if (outcome.ok() && "FILE".equals(form.get("decision"))) {
            // Filed: assignment is the office's next step on this proposal.
            flash.addFlashAttribute("success", "flash.filed");
            return "redirect:/proposals/" + id + "/assignment";
        }
        return PageResults.after(outcome, id, "flash.reviewed", flash, model, () -> reviewPage(id, form, model, flash));
    }

    // --- assignment (Rule 4) -------------------------------------------------------------------------

    @GetMapping("/proposals/{id}/assignment")
    String assignment(@PathVariable long id, Model model, RedirectAttributes flash) {
        return assignmentPage(id, null, model, flash);
    }

    private String assignmentPage(long id, FormValues given, Model model, RedirectAttributes flash) {
        Actor actor = currentActor.get();
        Proposal proposal = access.requireVisible(id, actor);
        TaskTarget target = TaskTarget.of(id, ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL);
        String refusal = steps.refusal(target, actor);
        if (refusal != null) {
            return PageResults.refuse(id, refusal, flash);
        }
        Optional<Task> task = steps.openTask(target);
        if (task.isEmpty()) {
            return PageResults.refuse(id, PageResults.NOT_OPEN, flash);
        }
        List<UnitSuggestions.Suggestion> suggested = suggestions.suggest(proposal);
        FormValues form = given;
        if (form == null) {
            MultiValueMap<String, String> initial = new org.springframework.util.LinkedMultiValueMap<>();
            suggested.forEach(s -> initial.add("units", s.code()));
            initial.set("mode", suggested.size() > 1 ? AssignmentMode.LEAD_AND_CO.name() : AssignmentMode.SINGLE.name());
            if (suggested.size() > 1) {
                initial.set("lead", suggested.get(0).code());
            }
            form = FormValues.of(initial);
        }
        model.addAttribute("d", dossiers.dossier(id, actor));
        model.addAttribute("form", form);
        model.addAttribute("suggestions", suggested);
        model.addAttribute("units", activeUnits());
        model.addAttribute("modes", AssignmentMode.values());
        model.addAttribute("defaultDeadline", assignments.defaultReplyDeadline());
        model.addAttribute("maxDeadline", assignments.maxReplyDeadline());
        model.addAttribute("tasklist", OpenTasks.tasklistLink(task.get().getId()));
        return "office/assignment";
    }

    @PostMapping("/proposals/{id}/assignment")
    String assign(@PathVariable long id, @RequestParam MultiValueMap<String, String> values, Model model,
            RedirectAttributes flash) {
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            steps.complete(TaskTarget.of(id, ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL), form.fields(Set.of("units")));
        });
        return PageResults.after(outcome, id, "flash.assigned", flash, model, () -> assignmentPage(id, form, model, flash));
    }

    // --- objection (Rule 5) and coordination (Rule 9) ---------------------------------------------------

    @GetMapping("/proposals/{id}/units/{unit}/objection")
    String objection(@PathVariable long id, @PathVariable String unit, Model model, RedirectAttributes flash) {
        return unitStepPage(id, unit, UnitHandlingProcess.TASK_RESOLVE_OBJECTION, FormValues.empty(), "office/objection",
                model, flash);
    }

    @PostMapping("/proposals/{id}/units/{unit}/objection")
    String resolveObjection(@PathVariable long id, @PathVariable String unit,
            @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes flash) {
        return completeUnitStep(id, unit, UnitHandlingProcess.TASK_RESOLVE_OBJECTION, FormValues.of(values),
                "flash.objectionResolved", "office/objection", model, flash);
    }

    @GetMapping("/proposals/{id}/units/{unit}/coordination")
    String coordination(@PathVariable long id, @PathVariable String unit, Model model, RedirectAttributes flash) {
        return unitStepPage(id, unit, UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, FormValues.empty(),
                "office/coordination", model, flash);
    }

    @PostMapping("/proposals/{id}/units/{unit}/coordination")
    String coordinate(@PathVariable long id, @PathVariable String unit,
            @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes flash) {
        return completeUnitStep(id, unit, UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, FormValues.of(values),
                "flash.coordinated", "office/coordination", model, flash);
    }

    private String unitStepPage(long id, String unit, String taskKey, FormValues form, String view, Model model,
            RedirectAttributes flash) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        TaskTarget target = assignments.taskOf(id, unit, taskKey);
        String refusal = steps.refusal(target, actor);
        if (refusal != null) {
            return PageResults.refuse(id, refusal, flash);
        }
        Optional<Task> task = steps.openTask(target);
        if (task.isEmpty()) {
            return PageResults.refuse(id, PageResults.NOT_OPEN, flash);
        }
        Dossier dossier = dossiers.dossier(id, actor);
        model.addAttribute("d", dossier);
        model.addAttribute("unit", dossier.units().stream()
                .filter(u -> u.code().equals(unit) && !"REASSIGNED".equals(u.status())).findFirst().orElseThrow());
        model.addAttribute("form", form);
        model.addAttribute("units", activeUnits().stream().filter(u -> !u.getCode().equals(unit)).toList());
        model.addAttribute("decisions", ObjectionDecision.values());
        model.addAttribute("defaultReHandlingDeadline", assignments.defaultReHandlingDeadline());
        model.addAttribute("tasklist", OpenTasks.tasklistLink(task.get().getId()));
        return view;
    }

    private String completeUnitStep(long id, String unit, String taskKey, FormValues form, String success, String view,
            Model model, RedirectAttributes flash) {
        Actor actor = currentActor.get();
        StepRunner.Outcome outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            steps.complete(assignments.taskOf(id, unit, taskKey), form.fields(Set.of()));
        });
        return PageResults.after(outcome, id, success, flash, model,
                () -> unitStepPage(id, unit, taskKey, form, view, model, flash));
    }

    // --- shared --------------------------------------------------------------------------------------

    private Actor officeOnly() {
        Actor actor = currentActor.get();
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以使用工作台");
        }
        return actor;
    }

    private List<Unit> activeUnits() {
        return catalog.units().stream().filter(Unit::isActive).toList();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "……";
    }
}
