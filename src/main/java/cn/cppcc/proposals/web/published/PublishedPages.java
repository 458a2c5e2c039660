package cn.cppcc.proposals.web.published;

import cn.cppcc.proposals.publication.PublishedProposals;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /published} and {@code /published/{id}} for anyone: the list of published proposals and
 * one with its published replies, through the service of {@code /public/proposals}. A proposal not
 * published answers 404, as an unknown one.
 */
@Controller
class PublishedPages {

    static final int PAGE_SIZE = 20;

    private final PublishedProposals published;

    PublishedPages(PublishedProposals published) {
        this.published = published;
    }

    @GetMapping("/published")
    String list(@RequestParam(defaultValue = "0") String page, Model model) {
        int pageNo = page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
        PublishedProposals.Page found = published.list(Map.of("page", String.valueOf(pageNo)), PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("page", pageNo);
        model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / PAGE_SIZE));
        return "published/list";
    }

    @GetMapping("/published/{id}")
    String proposal(@PathVariable long id, Model model) {
        model.addAttribute("p", published.proposal(id));
        return "published/proposal";
    }
}
