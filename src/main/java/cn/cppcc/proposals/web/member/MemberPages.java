package cn.cppcc.proposals.web.member;

import cn.cppcc.proposals.attachment.AttachmentService;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.dossier.DossierService;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.proposal.ProposerType;
import cn.cppcc.proposals.proposal.SubmissionService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.similarity.SimilarityService;
import cn.cppcc.proposals.withdrawal.WithdrawalService;
import cn.cppcc.proposals.web.DossierPages;
import cn.cppcc.proposals.web.PageFormat;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.PageNames;
import cn.cppcc.proposals.web.StepRunner;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member writes a proposal (Rule 1) while seeing similar earlier ones, revises a returned one,
 * confirms a joint one and rates each reply (Rule 9). Each completes its step as the API does.
 * The proposer withdraws from the dossier page (Rule 10).
 */
@Controller
class MemberPages {

    static final int SIMILAR_LIMIT = 5;
    static final int EXCERPT = 160;

    private final SubmissionService submissions;
    private final StepService steps;
    private final ProposalAccess access;
    private final UnitAssignmentService assignments;
    private final DossierService dossiers;
    private final AttachmentService attachments;
    private final SimilarityService similarity;
    private final Catalog catalog;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final StepRunner runner;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final PageNames names;
    private final WithdrawalService withdrawals;

    MemberPages(SubmissionService submissions, StepService steps, ProposalAccess access,
            UnitAssignmentService assignments, DossierService dossiers, AttachmentService attachments,
            SimilarityService similarity, Catalog catalog, Directory directory, CurrentActor currentActor,
            StepRunner runner, TransactionTemplate transaction, MessageSource messages, PageNames names,
            WithdrawalService withdrawals) {
        this.submissions = submissions;
        this.steps = steps;
        this.access = access;
        this.assignments = assignments;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.similarity = similarity;
        this.catalog = catalog;
        this.directory = directory;
        this.currentActor = currentActor;
        this.runner = runner;
        this.transaction = transaction;
        this.messages = messages;
        this.names = names;
        this.withdrawals = withdrawals;
    }

    // --- writing a proposal -----------------------------------------------------------------------

    record Member(String id, String name) {}

    @GetMapping("/proposals/new")
    String newProposal(Model model, RedirectAttributes flash) {
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.MEMBERS)) {
            flash.addFlashAttribute("error", "只有委员可以提交提案");
            return "redirect:/";
        }
        return proposalForm(model, actor, FormValues.empty().with("proposerType", "MEMBER").with("publicConsent", "true"));
    }

    private String proposalForm(Model model, Actor actor, FormValues form) {
        model.addAttribute("form", form);
        model.addAttribute("categories", catalog.categories().stream().filter(Category::isActive).map(Category::getName).toList());
        model.addAttribute("proposerTypes", ProposerType.values());
        model.addAttribute("members", directory.membersOf(Actor.MEMBERS).stream()
                .filter(u -> !u.getId().equals(actor.userId()))
                .map(u -> new Member(u.getId(), directory.displayName(u.getId()))).toList());
        return "member/new";
    }

    /** Rule 1: the proposal and its attachments, in one transaction: a refused file refuses the whole. */
    @PostMapping("/proposals")
    String submit(@RequestParam MultiValueMap<String, String> values,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes flash) {
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        Map<String, Object> fields = form.fields(Set.of("coProposers"));
        fields.keySet().retainAll(SubmissionService.FIELDS);
        fields.remove("onBehalfOf");
        StepRunner.Outcome<Long> outcome = runner.call(() -> transaction.execute(status -> {
            Proposal proposal = submissions.submit(fields, actor);
            if (files != null) {
                for (MultipartFile file : files) {
                    if (DossierPages.chosen(file)) {
                        try {
                            DossierPages.store(proposal.getId(), file, actor, attachments);
                        } catch (InvalidInputException e) {
                            throw new InvalidInputException("files", file.getOriginalFilename() + "："
                                    + e.errors().get(0).message());
                        }
                    }
                }
            }
            return proposal.getId();
        }));
        if (outcome.ok()) {
            flash.addFlashAttribute("success", "flash.submitted");
            return "redirect:" + DossierPages.dossier(outcome.value());
        }
        if (outcome.flashError() != null) {
            flash.addFlashAttribute("error", outcome.flashError());
            return "redirect:/";
        }
        model.addAttribute("errors", outcome.fieldErrors());
        model.addAttribute("errorSummary", outcome.summary());
        // a browser never fills a file field again: say so only when files had been chosen
        model.addAttribute("filesChosen", files != null && files.stream().anyMatch(DossierPages::chosen));
        return proposalForm(model, actor, form);
    }

    /** One earlier proposal like the draft, with the replies the member may read. */
    record Similar(Long id, String number, String title, String category, long percent, String status,
                   String statusLabel, String url, List<ReplyExcerpt> replies) {}

    record ReplyExcerpt(String unit, String classification, String text) {}

    /**
     * Rule 1, while the member types: the service of {@code POST /api/proposals/similar}, for the
     * page's script (same session, CSRF token in a header).
     */
    @PostMapping(path = "/proposals/similar", produces = "application/json")
    @ResponseBody
    ResponseEntity<List<Similar>> similar(@RequestBody Map<String, Object> draft) {
        Actor actor = currentActor.get();
        Map<String, Object> body = new java.util.HashMap<>();
        for (String field : List.of("title", "background", "suggestions")) {
            if (draft.get(field) instanceof String text) {
                body.put(field, text);
            }
        }
        List<SimilarityService.DraftMatch> matches;
        try {
            matches = similarity.similarToDraft(body, Map.of("limit", String.valueOf(SIMILAR_LIMIT)), actor);
        } catch (InvalidInputException e) {
            return ResponseEntity.ok(List.of()); // no title yet, or too long: nothing to compare
        } catch (ForbiddenException e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(List.of());
        } catch (RuntimeException e) {
            if (e instanceof ErrorResponse error) {
                return ResponseEntity.status(error.getStatusCode()).body(List.of());
            }
            throw e;
        }
        List<Similar> similar = new ArrayList<>();
        for (SimilarityService.DraftMatch m : matches) {
            if (m.score() < PageFormat.LEAST_SIMILARITY) {
                continue;   // common words, not a common matter
            }
            List<ReplyExcerpt> replies = m.id() == null ? List.of() : replies(m.id(), actor);
            similar.add(new Similar(m.id(), m.number(), m.title(), m.category(), Math.round(m.score() * 100), m.status(),
                    messages.getMessage("status." + m.status(), null, m.status(), LocaleContextHolder.getLocale()),
                    m.id() == null ? null : DossierPages.dossier(m.id()), replies));
        }
        return ResponseEntity.ok(similar);
    }

    private List<ReplyExcerpt> replies(long id, Actor actor) {
        Dossier dossier = dossiers.dossier(id, actor);
        return dossier.units().stream().filter(u -> u.reply() != null)
                .map(u -> new ReplyExcerpt(u.name(), names.replyClass(u.reply().classification()), excerpt(u.reply().text())))
                .toList();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "……";
    }

    // --- withdrawal (Rule 10) ---------------------------------------------------------------------

    /**
     * As {@code POST /api/proposals/{id}/withdrawal}: before filing at will, after filing with the
     * office's approval (a task in Tasklist), until a reply is sent.
     */
    @PostMapping("/proposals/{id}/withdrawal")
    String withdraw(@PathVariable long id, @RequestParam MultiValueMap<String, String> values, RedirectAttributes flash) {
        Actor actor = currentActor.get();
        FormValues form = FormValues.of(values);
        StepRunner.Outcome<Void> outcome = runner.run(() -> {
            access.requireVisible(id, actor);
            withdrawals.request(id, form.fields(Set.of()), actor);
        });
        if (outcome.ok()) {
            boolean withdrawn = access.requireVisible(id, actor).getStatus() == ProposalStatus.WITHDRAWN;
            flash.addFlashAttribute("success", withdrawn ? "flash.withdrawn" : "flash.withdrawalRequested");
        } else {
            flash.addFlashAttribute("error", outcome.invalid() ? outcome.summary() : outcome.flashError());
        }
        return "redirect:" + DossierPages.dossier(id);
    }

}
