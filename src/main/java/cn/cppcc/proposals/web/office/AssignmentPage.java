package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Unit;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.unithandling.AssignmentMode;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.unithandling.UnitSuggestions;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.StepPage;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Rule 4's assignment, with the decision table's suggested units preselected. */
@Component
class AssignmentPage implements StepPage {

    private final UnitSuggestions suggestions;
    private final UnitAssignmentService assignments;
    private final ProposalAccess access;
    private final Catalog catalog;

    AssignmentPage(UnitSuggestions suggestions, UnitAssignmentService assignments, ProposalAccess access,
            Catalog catalog) {
        this.suggestions = suggestions;
        this.assignments = assignments;
        this.access = access;
        this.catalog = catalog;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_ASSIGN_PROPOSAL;
    }

    @Override
    public String view() {
        return "office/assignment";
    }

    @Override
    public String done(FormValues form) {
        return "flash.assigned";
    }

    @Override
    public Set<String> listFields() {
        return Set.of("units");
    }

    /** The suggested units checked; several of them: the first as the lead, the others as co-units. */
    @Override
    public FormValues initial(StepView view) {
        List<UnitSuggestions.Suggestion> suggested = suggested(view);
        FormValues form = FormValues.empty();
        suggested.forEach(s -> form.add("units", s.code()));
        form.with("mode", suggested.size() > 1 ? AssignmentMode.LEAD_AND_CO.name() : AssignmentMode.SINGLE.name());
        if (suggested.size() > 1) {
            form.with("lead", suggested.get(0).code());
        }
        return form;
    }

    @Override
    public void addTo(Model model, StepView view) {
        model.addAttribute("suggestions", suggested(view));
        model.addAttribute("units", catalog.units().stream().filter(Unit::isActive).toList());
        model.addAttribute("modes", AssignmentMode.values());
        model.addAttribute("defaultDeadline", assignments.defaultReplyDeadline());
        model.addAttribute("maxDeadline", assignments.maxReplyDeadline());
    }

    private List<UnitSuggestions.Suggestion> suggested(StepView view) {
        return suggestions.suggest(access.requireVisible(view.proposalId(), view.actor()));
    }
}
