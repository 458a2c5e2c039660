package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.Input;
import java.util.HashMap;
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

    @GetMapping("/api/proposals")
    ProposalList.Page list(@RequestParam Map<String, String> query) {
        Input input = Input.of(new HashMap<>(query));
        ProposalStatus status = input.optionalEnum("status", ProposalStatus.class);
        String category = input.text("category", 50);
        String unit = input.text("unit", 32);
        String session = input.text("session", 32);
        String q = input.text("q", 100);
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= MAX_PAGE_SIZE, "size", "每页条数应在1至" + MAX_PAGE_SIZE + "之间");
        input.validate();
        return list.find(new ProposalList.Filter(status == null ? null : status.name(), category, unit, session, q,
                page == null ? 0 : page.intValue(), size == null ? 20 : size.intValue()), currentActor.get());
    }
}
