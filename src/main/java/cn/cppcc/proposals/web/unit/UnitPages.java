package cn.cppcc.proposals.web.unit;

import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.unithandling.ConsultationMethod;
import cn.cppcc.proposals.attachment.AttachmentService;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.dossier.ProposalList;
import cn.cppcc.proposals.unithandling.Consultations;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.web.DossierPages;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.OpenTasks;
import cn.cppcc.proposals.web.PageResults;
import cn.cppcc.proposals.web.StepPageModel;
import cn.cppcc.proposals.web.StepRunner;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit's workbench and step pages, with the checks of the API's assignment and handling controllers. */
@Controller
class UnitPages {

    static final int MAX_PROPOSALS = 100;

    private final OpenTasks openTasks;
    private final StepService steps;
    private final ProposalAccess access;
    private final ProposalList list;
    private final StepPageModel common;
    private final UnitAssignmentService assignments;
    private final Consultations consultations;
    private final AttachmentService attachments;
    private final Catalog catalog;
    private final ProposalSettings settings;
    private final CurrentActor currentActor;
    private final StepRunner runner;
    private final TransactionTemplate transaction;

    UnitPages(OpenTasks openTasks, StepService steps, ProposalAccess access, ProposalList list, StepPageModel common,
            UnitAssignmentService assignments, Consultations consultations, AttachmentService attachments, Catalog catalog,
            ProposalSettings settings, CurrentActor currentActor, StepRunner runner, TransactionTemplate transaction) {
        this.openTasks = openTasks;
        this.steps = steps;
        this.access = access;
        this.list = list;
        this.common = common;
        this.assignments = assignments;
        this.consultations = consultations;
        this.attachments = attachments;
        this.catalog = catalog;
        this.settings = settings;
        this.currentActor = currentActor;
        this.runner = runner;
        this.transaction = transaction;
    }

    // --- the workbench ------------------------------------------------------------------------------

    /** One proposal of the unit: the unit's part in it. */
    record Row(ProposalList.Item proposal, UnitAssignment part) {}

    record UnitBoard(String code, String name, boolean leader, List<Row> rows, List<OpenTasks.OpenTask> toAccept,
                     List<OpenTasks.OpenTask> toHandle, List<OpenTasks.OpenTask> toSignOff) {}

    @GetMapping("/unit")
    String workbench(Model model) {
        Actor actor = currentActor.get();
        List<String> units = ProposalAccess.unitsOf(actor);
        if (units.isEmpty()) {
            throw new ForbiddenException("只有承办单位可以使用承办工作台");
        }
        List<OpenTasks.OpenTask> mine = openTasks.mine(actor);
        List<UnitBoard> boards = new ArrayList<>();
        for (String code : units) {
            List<Row> rows = new ArrayList<>();
            for (ProposalList.Item item : list.find(new ProposalList.Filter(null, null, code, null, null, 0, MAX_PROPOSALS),
                    actor).items()) {
                try {
                    rows.add(new Row(item, assignments.current(item.id(), code)));
                } catch (NotFoundException e) {
                    // reassigned away meanwhile
                }
            }
            List<OpenTasks.OpenTask> ofUnit = mine.stream().filter(t -> code.equals(t.unit())).toList();
            boards.add(new UnitBoard(code, catalog.unitName(code), actor.leads(code), rows,
                    of(ofUnit, UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT),
                    ofUnit.stream().filter(t -> t.taskKey().equals(UnitHandlingProcess.TASK_DRAFT_REPLY)
                            || t.taskKey().equals(UnitHandlingProcess.TASK_SEND_OPINION)).toList(),
                    of(ofUnit, UnitHandlingProcess.TASK_SIGN_OFF_REPLY)));
        }
        model.addAttribute("boards", boards);
        return "unit/workbench";
    }

    private static List<OpenTasks.OpenTask> of(List<OpenTasks.OpenTask> tasks, String key) {
        return tasks.stream().filter(t -> t.taskKey().equals(key)).toList();
    }

    // --- handling: consultations (Rule 6), opinion, reply (Rule 7) -------------------------------------

    static String handling(long id, String unit) {
        return "/proposals/" + id + "/units/" + unit + "/handling";
    }

    @GetMapping("/proposals/{id}/units/{unit}/handling")
    String handlingPage(@PathVariable long id, @PathVariable String unit, Model model, RedirectAttributes flash) {
        return handlingPage(id, unit, null, FormValues.empty(), model, flash);
    }

    /** @param failed which form had bad input: consultation, reply or opinion; {@code null} for none */
    private String handlingPage(long id, String unit, String failed, FormValues form, Model model,
            RedirectAttributes flash) {
        Actor actor = currentActor.get();
        access.requireVisible(id, actor);
        UnitAssignment part = assignments.current(id, unit);
        String refusal = steps.refusal(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_DRAFT_REPLY), actor);
        if (refusal != null) {
            return PageResults.refuse(id, refusal, flash);
        }
        Optional<Task> draft = steps.openTask(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_DRAFT_REPLY));
        Optional<Task> opinion = steps.openTask(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_SEND_OPINION));
        Task task = draft.or(() -> opinion).orElse(null);
        common.addTo(model, id, unit, actor, form, task);
        model.addAttribute("part", part);
        model.addAttribute("reHandling", assignments.reHandling(id, unit).orElse(null));
        model.addAttribute("failed", failed);
        model.addAttribute("draftOpen", draft.isPresent());
        model.addAttribute("opinionOpen", opinion.isPresent());
        model.addAttribute("methods", ConsultationMethod.values());
        model.addAttribute("replyClasses", settings.reply().classes());
        model.addAttribute("mayConsult", "HANDLING".equals(part.getStatus().name()) && draft.isPresent());
        return "unit/handling";
    }

    @PostMapping("/proposals/{id}/units/{unit}/consultations")
    String consult(@PathVariable long id, @PathVariable String unit, @RequestParam MultiValueMap<String, String> values,
            Model model, RedirectAttributes flash) {
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome<Void> outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            consultations.record(id, unit, form.fields(Set.of()), actor);
        });
        if (outcome.ok()) {
            flash.addFlashAttribute("success", "flash.consulted");
            return "redirect:" + handling(id, unit);
        }
        return PageResults.after(outcome, id, "flash.consulted", flash, model,
                () -> handlingPage(id, unit, "consultation", form, model, flash));
    }

    /** The reply and its signed document in one transaction: a refused file refuses the reply. */
    @PostMapping("/proposals/{id}/units/{unit}/reply")
    String reply(@PathVariable long id, @PathVariable String unit, @RequestParam MultiValueMap<String, String> values,
            @RequestParam(name = "document", required = false) MultipartFile document, Model model,
            RedirectAttributes flash) {
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome<Void> outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            Map<String, Object> fields = form.fields(Set.of());
            fields.put("action", "REPLY");
            transaction.executeWithoutResult(status -> {
                steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_DRAFT_REPLY), fields);
                if (DossierPages.chosen(document)) {
                    try {
                        DossierPages.store(id, document, actor, attachments);
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException("document", e.errors().get(0).message());
                    }
                }
            });
        });
        return PageResults.after(outcome, id, "flash.replied", flash, model,
                () -> handlingPage(id, unit, "reply", form, model, flash));
    }

    @PostMapping("/proposals/{id}/units/{unit}/opinion")
    String opinion(@PathVariable long id, @PathVariable String unit, @RequestParam MultiValueMap<String, String> values,
            Model model, RedirectAttributes flash) {
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome<Void> outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            steps.complete(assignments.taskOf(id, unit, UnitHandlingProcess.TASK_SEND_OPINION), form.fields(Set.of()));
        });
        return PageResults.after(outcome, id, "flash.opinionSent", flash, model,
                () -> handlingPage(id, unit, "opinion", form, model, flash));
    }
}
