package cn.cppcc.proposals.web;

import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.TaskTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every step's page, the same way: {@code /proposals/{id}/{page}} for a proposal's step and
 * {@code /proposals/{id}/units/{unit}/{page}} for a unit's, where {@code page} is the step's own
 * (workflow/Step#page). GET shows the form to who may take the step while it is open; POST
 * completes it through the step, as the API and Tasklist do, and shows the form again with each
 * field's message after bad input. What differs between steps is in their {@link StepPage}s.
 */
@Controller
class StepPages {

    private final Map<String, StepPage> pages = new HashMap<>();
    private final StepService steps;
    private final ProposalAccess access;
    private final UnitAssignmentService assignments;
    private final StepPageModel common;
    private final CurrentActor currentActor;
    private final StepRunner runner;

    StepPages(List<Step> steps, List<StepPage> pages, StepService stepService, ProposalAccess access,
            UnitAssignmentService assignments, StepPageModel common, CurrentActor currentActor, StepRunner runner) {
        for (StepPage page : pages) {
            Step step = steps.stream().filter(s -> s.taskKey().equals(page.taskKey())).findFirst().orElseThrow();
            this.pages.put(step.page(), page);
        }
        this.steps = stepService;
        this.access = access;
        this.assignments = assignments;
        this.common = common;
        this.currentActor = currentActor;
        this.runner = runner;
    }

    @GetMapping({"/proposals/{id}/{page}", "/proposals/{id}/units/{unit}/{page}"})
    String show(@PathVariable long id, @PathVariable(required = false) String unit, @PathVariable("page") String path,
            Model model, RedirectAttributes flash) {
        StepPage page = page(path);
        Actor actor = currentActor.get();
        return show(page, id, unit, null, actor, model, flash);
    }

    @PostMapping({"/proposals/{id}/{page}", "/proposals/{id}/units/{unit}/{page}"})
    String complete(@PathVariable long id, @PathVariable(required = false) String unit, @PathVariable("page") String path,
            @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes flash) {
        StepPage page = page(path);
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome<Void> outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            steps.complete(target(page, id, unit, actor), form.fields(page.listFields()));
        });
        String next = page.next(id, unit, form);
        if (outcome.ok() && next != null) {
            flash.addFlashAttribute("success", page.done(form));
            return "redirect:" + next;
        }
        return PageResults.after(outcome, id, page.done(form), flash, model,
                () -> show(page, id, unit, form, actor, model, flash));
    }

    /** The form, opened afresh ({@code form} {@code null}) or again with what was given. */
    private String show(StepPage page, long id, String unit, FormValues form, Actor actor, Model model,
            RedirectAttributes flash) {
        access.requireVisible(id, actor);
        TaskTarget target = target(page, id, unit, actor);
        String refusal = steps.refusal(target, actor);
        if (refusal != null) {
            return PageResults.refuse(id, refusal, flash);
        }
        Optional<Task> task = steps.openTask(target);
        if (task.isEmpty()) {
            return PageResults.refuse(id, steps.notOpen(target), flash);
        }
        Dossier dossier = common.addTo(model, id, unit, actor, form, task.get());
        StepPage.StepView view = new StepPage.StepView(id, unit, actor, dossier);
        if (form == null) {
            model.addAttribute("form", page.initial(view));
        }
        page.addTo(model, view);
        return page.view();
    }

    /** The open task a page works on: a unit's, a co-proposer's own, or the proposal's. */
    private TaskTarget target(StepPage page, long id, String unit, Actor actor) {
        if (unit != null) {
            return assignments.taskOf(id, unit, page.taskKey());
        }
        if (ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL.equals(page.taskKey())) {
            return TaskTarget.assignedTo(id, page.taskKey(), actor.userId());
        }
        return TaskTarget.of(id, page.taskKey());
    }

    private StepPage page(String path) {
        StepPage page = pages.get(path);
        if (page == null) {
            throw new NotFoundException("没有该页面：" + path);
        }
        return page;
    }
}
