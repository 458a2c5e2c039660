package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.shared.CurrentActor;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/proposals/{id}/similar} (office), {@code POST /api/proposals/similar} (a draft;
 * members and office) and {@code GET /api/search} (office and auditors).
 */
@RestController
class SimilarityController {

    private final SimilarityService similarity;
    private final CurrentActor currentActor;

    SimilarityController(SimilarityService similarity, CurrentActor currentActor) {
        this.similarity = similarity;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/proposals/{id}/similar")
    List<SimilarityService.SimilarProposal> similar(@PathVariable long id, @RequestParam Map<String, String> query) {
        return similarity.similarTo(id, query, currentActor.get());
    }

    @PostMapping("/api/proposals/similar")
    List<SimilarityService.DraftMatch> similarToDraft(@RequestBody Map<String, Object> body,
            @RequestParam Map<String, String> query) {
        return similarity.similarToDraft(body, query, currentActor.get());
    }

    @GetMapping("/api/search")
    SimilarityService.SearchResult search(@RequestParam Map<String, String> query) {
        return similarity.search(query, currentActor.get());
    }
}
