package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Unit;
import cn.cppcc.proposals.unithandling.ObjectionDecision;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.StepPage;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The office's decisions on a unit's part: an objection (Rule 5) and handling again (Rule 9). */
final class UnitDecisionPages {

    private UnitDecisionPages() {
    }

    /** Rule 5: reassign to another unit or uphold the assignment. */
    @Component
    static class Objection extends StepPage.Named {

        private final Catalog catalog;

        Objection(Catalog catalog) {
            super(UnitHandlingProcess.TASK_RESOLVE_OBJECTION, "office/objection", "flash.objectionResolved");
            this.catalog = catalog;
        }

        @Override
        public void addTo(Model model, StepView view) {
            model.addAttribute("units", catalog.units().stream().filter(Unit::isActive)
                    .filter(u -> !u.getCode().equals(view.unit())).toList());
            model.addAttribute("decisions", ObjectionDecision.values());
        }
    }

    /** Rule 9: the office's note after DISSATISFIED, and the (shorter) deadline of handling again. */
    @Component
    static class Coordination extends StepPage.Named {

        private final UnitAssignmentService assignments;

        Coordination(UnitAssignmentService assignments) {
            super(UnitHandlingProcess.TASK_COORDINATE_RE_HANDLING, "office/coordination", "flash.coordinated");
            this.assignments = assignments;
        }

        @Override
        public void addTo(Model model, StepView view) {
            model.addAttribute("defaultReHandlingDeadline", assignments.defaultReHandlingDeadline());
        }
    }
}
