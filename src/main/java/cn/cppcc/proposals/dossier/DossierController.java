package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.shared.CurrentActor;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/proposals} and {@code GET /api/proposals/{id}} (API.md "Proposals"). */
@RestController
class DossierController {

    static final int MAX_PAGE_SIZE = 100;

    private final DossierService dossiers;
    private final ProposalList list;
    private final CurrentActor currentActor;

    DossierController(DossierService dossiers, ProposalList list, CurrentActor currentActor) {
        this.dossiers = dossiers;
        this.list = list;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/proposals/{id}")
    Dossier dossier(@PathVariable long id) {
        return dossiers.dossier(id, currentActor.get());
    }

    /** API.md's filters and those of the reports' figures (README "API"); bad ones answer 400 naming the field. */
    @GetMapping("/api/proposals")
    ProposalList.Page list(@RequestParam Map<String, String> query) {
        return list.find(list.read(query, 20, MAX_PAGE_SIZE), currentActor.get());
    }
}
