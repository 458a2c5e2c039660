package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.shared.CurrentActor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/proposals/{id}/history} (API.md): whoever may see the dossier, each as they may:
 * the business events; with {@code technical=true} also the 技术明细 (auditors only, 403 for others).
 */
@RestController
class HistoryController {

    private final ProposalHistory history;
    private final CurrentActor currentActor;

    HistoryController(ProposalHistory history, CurrentActor currentActor) {
        this.history = history;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/proposals/{id}/history")
    List<ProposalHistory.Entry> history(@PathVariable long id,
            @RequestParam(name = "technical", defaultValue = "false") boolean technical) {
        return history.of(id, currentActor.get(), technical);
    }
}
