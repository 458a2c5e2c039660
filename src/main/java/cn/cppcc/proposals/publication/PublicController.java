package cn.cppcc.proposals.publication;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /public/proposals}: anyone, without logging in; only what the office published ({@link PublishedProposals}). */
@RestController
class PublicController {

    private final PublishedProposals published;

    PublicController(PublishedProposals published) {
        this.published = published;
    }

    @GetMapping("/public/proposals")
    PublishedProposals.Page list(@RequestParam Map<String, String> query) {
        return published.list(query, 20);
    }

    @GetMapping("/public/proposals/{id}")
    PublishedProposals.Published proposal(@PathVariable long id) {
        return published.proposal(id);
    }
}
