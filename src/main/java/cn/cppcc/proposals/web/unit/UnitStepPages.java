package cn.cppcc.proposals.web.unit;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Unit;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.StepPage;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A unit's steps with a page of their own: acceptance or objection (Rule 5) and the leader's sign-off (Rule 7). */
final class UnitStepPages {

    private UnitStepPages() {
    }

    /** Accepted: the unit goes on to handle it. */
    @Component
    static class Acceptance implements StepPage {

        private final Catalog catalog;

        Acceptance(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public String taskKey() {
            return UnitHandlingProcess.TASK_ACCEPT_ASSIGNMENT;
        }

        @Override
        public String view() {
            return "unit/acceptance";
        }

        @Override
        public String done(FormValues form) {
            return "true".equals(form.get("accept")) ? "flash.accepted" : "flash.objected";
        }

        @Override
        public String next(long proposalId, String unit, FormValues form) {
            return "true".equals(form.get("accept")) ? UnitPages.handling(proposalId, unit) : null;
        }

        @Override
        public FormValues initial(StepView view) {
            return FormValues.empty().with("accept", "true");
        }

        @Override
        public void addTo(Model model, StepView view) {
            model.addAttribute("otherUnits", catalog.units().stream().filter(Unit::isActive)
                    .filter(u -> !u.getCode().equals(view.unit())).toList());
        }
    }

    @Component
    static class SignOff implements StepPage {

        @Override
        public String taskKey() {
            return UnitHandlingProcess.TASK_SIGN_OFF_REPLY;
        }

        @Override
        public String view() {
            return "unit/sign-off";
        }

        @Override
        public String done(FormValues form) {
            return "true".equals(form.get("approve")) ? "flash.signedOff" : "flash.replyReturned";
        }

        @Override
        public FormValues initial(StepView view) {
            return FormValues.empty().with("approve", "true");
        }
    }
}
