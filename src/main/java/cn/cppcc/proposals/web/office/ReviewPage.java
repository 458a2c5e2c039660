package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.catalog.Unit;
import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.dossier.DossierService;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.proposal.RejectGround;
import cn.cppcc.proposals.proposal.ReviewDecision;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.similarity.SimilarityService;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.PageFormat;
import cn.cppcc.proposals.web.StepPage;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;

/** Rule 2's review, with the most similar proposals beside it (Rule 3) for a one-click merge. */
@Component
class ReviewPage implements StepPage {

    static final int SIMILAR_LIMIT = 8;
    static final int EXCERPT = 300;

    private final SimilarityService similarity;
    private final DossierService dossiers;
    private final Catalog catalog;
    private final Directory directory;

    ReviewPage(SimilarityService similarity, DossierService dossiers, Catalog catalog, Directory directory) {
        this.similarity = similarity;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
    }

    /**
     * A similar proposal beside the one reviewed, with its session's name (政协第十届委员会第六次会议,
     * not its code), its text and replies, and whether it may take a merge.
     */
    record Similar(SimilarityService.SimilarProposal match, String sessionName, String background, String suggestions,
                   List<Dossier.UnitView> replied, boolean mergeable) {}

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_REVIEW_PROPOSAL;
    }

    @Override
    public String view() {
        return "office/review";
    }

    @Override
    public String done(FormValues form) {
        return "FILE".equals(form.get("decision")) ? "flash.filed" : "flash.reviewed";
    }

    /** Filed: assignment is the office's next step on this proposal. */
    @Override
    public String next(long proposalId, String unit, FormValues form) {
        return "FILE".equals(form.get("decision")) ? "/proposals/" + proposalId + "/assignment" : null;
    }

    /** The member's suggested category preselected, as Tasklist's form shows it. */
    @Override
    public FormValues initial(StepView view) {
        FormValues form = FormValues.empty();
        return view.dossier().suggestedCategory() == null ? form : form.with("category", view.dossier().suggestedCategory());
    }

    @Override
    public void addTo(Model model, StepView view) {
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("rejectGrounds", RejectGround.values());
        model.addAttribute("categories", catalog.categories().stream().filter(Category::isActive).map(Category::getName).toList());
        model.addAttribute("supervisors", directory.membersOf(Actor.SUPERVISORS).stream()
                .map(u -> Map.of("id", u.getId(), "name", directory.displayName(u.getId()))).toList());
        model.addAttribute("units", catalog.units().stream().filter(Unit::isActive).toList());
        try {
            model.addAttribute("similar", similarity.similarTo(view.proposalId(),
                    Map.of("limit", String.valueOf(SIMILAR_LIMIT)), view.actor()).stream()
                    .filter(match -> match.score() >= PageFormat.LEAST_SIMILARITY)
                    .map(match -> similar(match, view.actor())).toList());
        } catch (RuntimeException e) {
            if (!(e instanceof ErrorResponse)) {
                throw e;
            }
            model.addAttribute("similarUnavailable", true); // the index is still being built after a start
        }
    }

    private Similar similar(SimilarityService.SimilarProposal match, Actor actor) {
        Dossier other = dossiers.dossier(match.id(), actor);
        return new Similar(match, other.sessionName() != null ? other.sessionName() : match.session(), excerpt(other.background()), excerpt(other.suggestions()),
                other.units().stream().filter(u -> u.reply() != null).toList(),
                ProposalStatus.valueOf(other.status()).isFiledAndOpen());
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "……";
    }
}
