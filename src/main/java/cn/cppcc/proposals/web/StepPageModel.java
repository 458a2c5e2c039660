package cn.cppcc.proposals.web;

import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.dossier.DossierService;
import cn.cppcc.proposals.shared.Actor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every step page shows: the dossier, the unit (for a unit's step), the form and the task in Tasklist. */
@Component
public class StepPageModel {

    private final DossierService dossiers;

    StepPageModel(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    /** @return the dossier as the actor may see it */
    public Dossier addTo(Model model, long proposalId, String unit, Actor actor, FormValues form, Task task) {
        Dossier dossier = dossiers.dossier(proposalId, actor);
        model.addAttribute("d", dossier);
        if (unit != null) {
            model.addAttribute("unit", dossier.units().stream()
                    .filter(u -> u.code().equals(unit) && !"REASSIGNED".equals(u.status())).findFirst().orElseThrow());
            model.addAttribute("coUnits", dossier.units().stream()
                    .filter(u -> "CO".equals(u.role()) && !"REASSIGNED".equals(u.status())).toList());
        }
        model.addAttribute("form", form);
        model.addAttribute("tasklist", task == null ? null : OpenTasks.tasklistLink(task.getId()));
        return dossier;
    }
}
