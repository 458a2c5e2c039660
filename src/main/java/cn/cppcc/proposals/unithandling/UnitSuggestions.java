package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.proposal.Proposal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Rule 4: the decision table {@code bpmn/unit-suggestion.dmn} suggests units from the category and
 * keywords of the proposal; the office confirms. Inactive or unknown units are left out.
 */
@Service
public class UnitSuggestions {

    static final String DECISION = "UnitSuggestion";

    private final DecisionService decisionService;
    private final Catalog catalog;
    private final EngineAsSystem system;

    UnitSuggestions(DecisionService decisionService, Catalog catalog, EngineAsSystem system) {
        this.system = system;
        this.decisionService = decisionService;
        this.catalog = catalog;
    }

    public record Suggestion(String code, String name, String reason) {}

    public List<Suggestion> suggest(Proposal proposal) {
        String category = proposal.getCategory() != null ? proposal.getCategory() : proposal.getSuggestedCategory();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("category", category == null ? "" : category);
        variables.put("proposalText", proposal.getTitle() + "\n" + proposal.getBackground() + "\n" + proposal.getSuggestions());
        DmnDecisionResult result = system.read(() ->
                decisionService.evaluateDecisionByKey(DECISION).variables(variables).evaluate());
        Map<String, String> reasons = new LinkedHashMap<>();
        result.forEach(entry -> {
            String code = (String) entry.get("unitCode");
            String reason = (String) entry.get("reason");
            if (catalog.isActiveUnit(code)) {
                reasons.merge(code, reason, (a, b) -> a.contains(b) ? a : a + "；" + b);
            }
        });
        return reasons.entrySet().stream()
                .map(e -> new Suggestion(e.getKey(), catalog.unitName(e.getKey()), e.getValue()))
                .toList();
    }
}
