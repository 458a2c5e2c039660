package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.proposal.ProposalText;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.similarity.SimilarityIndex.Hit;
import cn.cppcc.proposals.similarity.SimilarityIndex.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may ask the index what (Rules 1 and 3, API.md "Access"):
 *
 * <ul>
 *   <li>the office, reviewing a proposal, gets the most similar proposals of the same and earlier
 *   sessions;</li>
 *   <li>a member (or the office) writing a draft gets the most similar proposals of the current
 *   and earlier sessions: in full those the caller may see, and of the others, which are filed,
 *   only the number, title, category and status (a filed proposal's title is known within the
 *   committee; a proposal that was never filed stays unknown to anyone but its participants);</li>
 *   <li>the office and auditors search the text of proposals and replies.</li>
 * </ul>
 *
 * Proposals whose status {@code proposals.similarity.excluded-statuses} names (by default
 * withdrawn and merged ones) are never offered as similar.
 */
@Service
public class SimilarityService {

    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 50;
    static final int QUERY_MAX_LENGTH = 100;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 50;

    private final SimilarityIndex index;
    private final SimilarityIndexer indexer;
    private final SimilaritySettings settings;
    private final ProposalAccess access;
    private final ProposalService proposals;
    private final Catalog catalog;

    SimilarityService(SimilarityIndex index, SimilarityIndexer indexer, SimilaritySettings settings,
            ProposalAccess access, ProposalService proposals, Catalog catalog) {
        this.index = index;
        this.indexer = indexer;
        this.settings = settings;
        this.access = access;
        this.proposals = proposals;
        this.catalog = catalog;
    }

    /** One of the most similar proposals, for the office. */
    public record SimilarProposal(long id, String number, String title, double score, String status, String session) {}

    /**
     * One of the most similar proposals to a draft. {@code id} only where the caller may see the
     * proposal, {@code category} only where not.
     */
    public record DraftMatch(Long id, String number, String title, String category, double score, String status) {}

    public record SearchItem(long id, String number, String title, String snippet, double score, String status) {}

    public record SearchResult(List<SearchItem> items, long total) {}

    /** Rule 3: the proposals most like proposal {@code id}, same and earlier sessions, best first. */
    public List<SimilarProposal> similarTo(long id, Map<String, String> query, Actor actor) {
        Proposal proposal = access.requireVisible(id, actor);
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以查看相似提案");
        }
        Input input = Input.of(query);
        int limit = limit(input);
        input.validate();
        indexer.requireReady();
        Scope scope = new Scope(id, sessionOrder(proposal.getSessionId()), excludedStatuses(), null);
        return index.similar(proposal.getTitle(), proposal.getBackground(), proposal.getSuggestions(), scope, limit)
                .stream()
                .map(hit -> new SimilarProposal(hit.id(), hit.number(), hit.title(), round(hit.score()), hit.status(),
                        hit.session()))
                .toList();
    }

    /**
     * Rule 1: while writing, the proposals most like the draft, current and earlier sessions. One
     * read-only transaction, so that {@link ProposalAccess#canSee} reads each proposal's co-proposers.
     */
    @Transactional(readOnly = true)
    public List<DraftMatch> similarToDraft(Map<String, ?> body, Map<String, String> query, Actor actor) {
        if (!actor.isOffice() && !actor.isIn(Actor.MEMBERS)) {
            throw new ForbiddenException("只有委员和提案委员会可以查询相似提案");
        }
        Map<String, Object> fields = new HashMap<>(body);
        fields.put("limit", query.get("limit")); // the answer's size is a query parameter, as for the office
        Input input = Input.of(fields);
        String title = input.requiredText("title", ProposalText.TITLE_MAX);
        String background = input.text("background", ProposalText.TEXT_MAX);
        String suggestions = input.text("suggestions", ProposalText.TEXT_MAX);
        int limit = limit(input);
        input.validate();
        indexer.requireReady();
        Long currentSession = catalog.currentSession()
                .map(session -> ProposalDocuments.sessionOrder(session.getPlenaryOpens())).orElse(null);
        Scope scope = new Scope(null, currentSession, excludedStatuses(), actor.isOffice() ? null : actor.userId());
        // A few more than asked: some found through the actor's name may no longer be theirs to see.
        List<DraftMatch> matches = new ArrayList<>();
        for (Hit hit : index.similar(title, background, suggestions, scope, limit + 10)) {
            if (matches.size() == limit) {
                break;
            }
            if (canSee(hit.id(), actor)) {
                matches.add(new DraftMatch(hit.id(), hit.number(), hit.title(), null, round(hit.score()), hit.status()));
            } else if (hit.number() != null) {
                matches.add(new DraftMatch(null, hit.number(), hit.title(), hit.category(), round(hit.score()),
                        hit.status()));
            }
        }
        return matches;
    }

    /** Full text of proposals and replies, for the office and auditors. */
    public SearchResult search(Map<String, String> query, Actor actor) {
        if (!actor.isOffice() && !actor.isIn(Actor.AUDITORS)) {
            throw new ForbiddenException("只有提案委员会和审计人员可以检索");
        }
        Input input = Input.of(new HashMap<>(query));
        String q = input.requiredText("q", QUERY_MAX_LENGTH);
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(size == null || size >= 1 && size <= MAX_PAGE_SIZE, "size", "每页条数应在1至" + MAX_PAGE_SIZE + "之间");
        int pageSize = size == null || input.hasError("size") ? DEFAULT_PAGE_SIZE : size.intValue();
        input.check(page == null || page >= 0 && (page + 1) * pageSize <= SimilarityIndex.MAX_SEARCH_DEPTH, "page",
                "页码应在0至" + (SimilarityIndex.MAX_SEARCH_DEPTH / pageSize - 1) + "之间");
        input.validate();
        indexer.requireReady();
        SimilarityIndex.SearchPage found = index.search(q, page == null ? 0 : page.intValue(), pageSize);
        return new SearchResult(found.items().stream()
                .map(hit -> new SearchItem(hit.id(), hit.number(), hit.title(), hit.snippet(), round(hit.score()),
                        hit.status()))
                .toList(), found.total());
    }

    private static int limit(Input input) {
        Long limit = input.number("limit");
        input.check(limit == null || limit >= 1 && limit <= MAX_LIMIT, "limit", "条数应在1至" + MAX_LIMIT + "之间");
        return limit == null || input.hasError("limit") ? DEFAULT_LIMIT : limit.intValue();
    }

    private boolean canSee(long id, Actor actor) {
        try {
            return access.canSee(proposals.require(id), actor);
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Long sessionOrder(long sessionId) {
        return catalog.session(sessionId).map(CommitteeSession::getPlenaryOpens).map(ProposalDocuments::sessionOrder)
                .orElse(null);
    }

    private Set<String> excludedStatuses() {
        return settings.excludedStatuses().stream().map(ProposalStatus::name).collect(Collectors.toSet());
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
