package cn.cppcc.proposals.web;

import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.shared.Actor;
import java.util.Set;
import org.springframework.ui.Model;

/**
 * A step's page (its path is the step's own, workflow/Step#page): what it shows beyond the parts
 * every step page has, and where it leads after. {@link StepPages} does the rest for every step
 * alike: who may see it (the step's taker), whether it is open, the dossier, the unit, the form
 * with its errors, the link to the same task in Tasklist, the completion through the step.
 */
public interface StepPage {

    /** The step's user task. */
    String taskKey();

    /** The template. */
    String view();

    /** The message key of the note shown after a completion with these values. */
    String done(FormValues form);

    /** The values the form opens with. */
    default FormValues initial(StepView view) {
        return FormValues.empty();
    }

    /** What the template needs besides the common parts. */
    default void addTo(Model model, StepView view) {
    }

    /** Fields that take several values (checkboxes). */
    default Set<String> listFields() {
        return Set.of();
    }

    /** Where a completion with these values leads: another page's path, or {@code null} for the dossier. */
    default String next(long proposalId, String unit, FormValues form) {
        return null;
    }

    /** A page that names its step, template and note once; the rest as the interface's defaults. */
    abstract class Named implements StepPage {

        private final String taskKey;
        private final String view;
        private final String done;

        protected Named(String taskKey, String view, String done) {
            this.taskKey = taskKey;
            this.view = view;
            this.done = done;
        }

        @Override
        public String taskKey() {
            return taskKey;
        }

        @Override
        public String view() {
            return view;
        }

        @Override
        public String done(FormValues form) {
            return done;
        }
    }

    /**
     * The page shown: the proposal, the unit (for a unit's step), who looks at it and the dossier
     * as they may see it.
     */
    record StepView(long proposalId, String unit, Actor actor, Dossier dossier) {
    }
}
