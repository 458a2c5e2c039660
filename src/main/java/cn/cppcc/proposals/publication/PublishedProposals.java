package cn.cppcc.proposals.publication;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.cppcc.proposals.proposal.ProposalQueries;
import cn.cppcc.proposals.unithandling.SentReplies;
import org.springframework.stereotype.Service;

/**
 * Rule 12: what the office published, for anyone ({@code /public/proposals} and the pages
 * {@code /published}): the proposal's text with its number, category, session and proposer's name,
 * and, once they are published too, its sent replies; never contact details, drafts, ratings or
 * internal notes. A proposal not published is unknown (404).
 */
@Service
public class PublishedProposals {

    private final ProposalQueries proposals;
    private final SentReplies replies;
    private final Catalog catalog;
    private final Directory directory;

    PublishedProposals(ProposalQueries proposals, SentReplies replies, Catalog catalog, Directory directory) {
        this.proposals = proposals;
        this.replies = replies;
        this.catalog = catalog;
        this.directory = directory;
    }

    /** @param session the session's code */
    public record Item(long id, String number, String title, String category, String session, String status) {}

    public record Page(List<Item> items, long total) {}

    /** @param unit the unit's name */
    public record Reply(String unit, String classification, String text, LocalDate committedDate, String reason,
                        Instant sentAt) {}

    /**
     * @param session  the session's name
     * @param proposer the lead proposer's name
     * @param replies  the sent replies, oldest first, once the office published them; else empty
     */
    public record Published(long id, String number, String title, String category, String session, String proposer,
                            String proposerType, String background, String suggestions, String status,
                            List<Reply> replies) {}

    /** Newest first; {@code page} from 0, {@code size} 1 to 100 (default {@code defaultSize}). */
    public Page list(Map<String, String> query, int defaultSize) {
        Input input = Input.of(new HashMap<>(query));
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= 100, "size", "每页条数应在1至100之间");
        input.validate();
        int pageSize = size == null ? defaultSize : size.intValue();
        long total = proposals.countPublished();
        List<Item> items = proposals.published((page == null ? 0 : page) * pageSize, pageSize).stream()
                .map(p -> new Item(p.id(), p.number(), p.title(), p.category(),
                        catalog.session(p.sessionId()).map(CommitteeSession::getCode).orElse(""), p.status()))
                .toList();
        return new Page(items, total);
    }

    public Published proposal(long id) {
        ProposalQueries.PublishedProposal p = proposals.publishedProposal(id)
                .orElseThrow(() -> new NotFoundException("没有该公开提案：" + id));
        List<Reply> sent = p.repliesPublished() ? replies.of(id).stream()
                .map(r -> new Reply(catalog.unitName(r.unitCode()), r.classification(), r.text(), r.committedDate(),
                        r.reason(), r.sentAt()))
                .toList() : List.of();
        String session = catalog.session(p.sessionId()).map(CommitteeSession::getName).orElse("");
        return new Published(p.id(), p.number(), p.title(), p.category(), session, directory.displayName(p.proposer()),
                p.proposerType(), p.background(), p.suggestions(), p.status(), sent);
    }
}
