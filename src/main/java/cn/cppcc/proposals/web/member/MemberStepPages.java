package cn.cppcc.proposals.web.member;

import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.StepPage;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A member's steps: confirming a joint proposal (Rule 1), revising a returned one (Rule 2), rating a reply (Rule 9). */
final class MemberStepPages {

    private MemberStepPages() {
    }

    @Component
    static class Confirmation extends StepPage.Named {

        Confirmation() {
            super(ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL, "member/confirmation", "flash.confirmed");
        }
    }

    /** The form opens with the proposal's text and shows the office's reason for returning it. */
    @Component
    static class Revision extends StepPage.Named {

        Revision() {
            super(ProposalHandlingProcess.TASK_REVISE_PROPOSAL, "member/revision", "flash.revised");
        }

        @Override
        public FormValues initial(StepView view) {
            Dossier d = view.dossier();
            return FormValues.empty().with("title", d.title()).with("background", d.background())
                    .with("suggestions", d.suggestions());
        }

        @Override
        public void addTo(Model model, StepView view) {
            model.addAttribute("returnComment", view.dossier().reviews().stream()
                    .max(Comparator.comparing(Dossier.ReviewView::at)).map(Dossier.ReviewView::comment).orElse(""));
        }
    }

    @Component
    /**
     * Rule 9's rating. Rule 16: the rating and whether they met face to face feed the published
     * figures (满意率, 见面率), so neither is preselected: the member chooses each.
     */
    static class Feedback extends StepPage.Named {

        Feedback() {
            super(UnitHandlingProcess.TASK_RATE_REPLY, "member/feedback", "flash.rated");
        }
    }
}
