package cn.cppcc.proposals.web;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.similarity.SimilarityService;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Full-text search over proposals and replies for the office and auditors, through the service of
 * {@code GET /api/search}. The snippets are plain text with the hits marked 【】, shown escaped.
 */
@Controller
class SearchPages {

    static final int PAGE_SIZE = 20;

    private final SimilarityService similarity;
    private final CurrentActor currentActor;
    private final StepRunner runner;

    SearchPages(SimilarityService similarity, CurrentActor currentActor, StepRunner runner) {
        this.similarity = similarity;
        this.currentActor = currentActor;
        this.runner = runner;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("q", q);
        model.addAttribute("page", page);
        if (!actor.isOffice() && !actor.isIn(Actor.AUDITORS)) {
            throw new ForbiddenException("只有提案委员会和审计人员可以检索");
        }
        if (q == null || q.isBlank()) {
            return "search";
        }
        SimilarityService.SearchResult[] holder = new SimilarityService.SearchResult[1];
        StepRunner.Outcome<Void> outcome = runner.run(() -> holder[0] = similarity.search(
                Map.of("q", q, "page", String.valueOf(page), "size", String.valueOf(PAGE_SIZE)), actor));
        if (outcome.ok()) {
            model.addAttribute("result", holder[0]);
            model.addAttribute("lastPage", Math.max(0, (holder[0].total() - 1) / PAGE_SIZE));
        } else {
            model.addAttribute("errors", outcome.fieldErrors());
        }
        return "search";
    }
}
