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
 * keywords of the proposal; the office confirms. Inactive or unknown units are left out. The best
 * match comes first (the lead unit when several are suggested): a unit of the proposal's category
 * weighs more than one of a keyword, since the category is the proposal's own subject (a 城市交通
 * proposal that mentions a school is the transport bureau's, with education as a co-unit); then
 * more matched rules, then the table's order.
 */
@Service
public class UnitSuggestions {

    static final String DECISION = "UnitSuggestion";
    /** A unit the category alone suggests counts this much more than one rule of keywords. */
    static final int CATEGORY_WEIGHT = 3;

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
        Map<String, Integer> weights = new LinkedHashMap<>();
        result.forEach(entry -> {
            String code = (String) entry.get("unitCode");
            String reason = (String) entry.get("reason");
            if (catalog.isActiveUnit(code)) {
                reasons.merge(code, reason, (a, b) -> a.contains(b) ? a : a + "；" + b);
                weights.merge(code, 1, Integer::sum);
            }
        });
        // the units the category alone suggests (the table's rules without keywords) weigh more
        Map<String, Object> categoryOnly = new LinkedHashMap<>(variables);
        categoryOnly.put("proposalText", "");
        system.read(() -> decisionService.evaluateDecisionByKey(DECISION).variables(categoryOnly).evaluate())
                .forEach(entry -> weights.computeIfPresent((String) entry.get("unitCode"), (code, w) -> w + CATEGORY_WEIGHT));
        List<String> order = new java.util.ArrayList<>(reasons.keySet());
        return reasons.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, String> e) -> -weights.get(e.getKey()))
                        .thenComparing(e -> order.indexOf(e.getKey())))
                .map(e -> new Suggestion(e.getKey(), catalog.unitName(e.getKey()), e.getValue()))
                .toList();
    }
}
