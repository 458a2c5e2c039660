package cn.cppcc.proposals.web;

import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a step page's form leads, the same for every step. */
public final class PageResults {

    private PageResults() {
    }

    /**
     * Done: to the dossier with a note ({@code success} is a message key); bad input: the form
     * again with each field's message; not allowed or not open: to the dossier with the reason.
     */
    public static String after(StepRunner.Outcome<?> outcome, long proposalId, String success, RedirectAttributes flash,
            Model model, Supplier<String> formAgain) {
        if (outcome.ok()) {
            flash.addFlashAttribute("success", success);
            return "redirect:" + DossierPages.dossier(proposalId);
        }
        if (outcome.flashError() != null) {
            return refuse(proposalId, outcome.flashError(), flash);
        }
        model.addAttribute("errors", outcome.fieldErrors());
        model.addAttribute("errorSummary", outcome.summary());
        return formAgain.get();
    }

    /** To the dossier, with why the page cannot be used now. */
    public static String refuse(long proposalId, String message, RedirectAttributes flash) {
        flash.addFlashAttribute("error", message);
        return "redirect:" + DossierPages.dossier(proposalId);
    }
}
