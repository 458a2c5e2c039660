package cn.cppcc.proposals.web;

import cn.cppcc.proposals.attachment.AttachmentService;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.proposal.ProposerType;
import cn.cppcc.proposals.unithandling.UnitRole;
import java.util.Set;
import cn.cppcc.proposals.dossier.ProposalHistory;
import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.dossier.DossierController;
import cn.cppcc.proposals.dossier.DossierService;
import cn.cppcc.proposals.dossier.ProposalList;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.withdrawal.WithdrawalService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list of proposals the user may see, and the dossier page 案卷 of one proposal for everyone
 * who may see it: its text, attachments, units with state and deadline, consultations, opinions,
 * replies, ratings, and what happened when as {@code GET /api/proposals/{id}/history} tells it
 * (dossier/ProposalHistory: each sees what the API shows them), with the archive PDF for the office
 * and auditors.
 */
@Controller
public class DossierPages {

    static final int PAGE_SIZE = 20;

    private final DossierService dossiers;
    private final ProposalList list;
    private final ProposalAccess access;
    private final AttachmentService attachments;
    private final OpenTasks openTasks;
    private final CurrentActor currentActor;
    private final StepRunner runner;
    private final ProposalHistory history;
    private final DossierController archives;
    private final Catalog catalog;
    private final WithdrawalService withdrawals;

    DossierPages(DossierService dossiers, ProposalList list, ProposalAccess access, AttachmentService attachments,
            OpenTasks openTasks, CurrentActor currentActor, StepRunner runner, ProposalHistory history,
            DossierController archives, Catalog catalog, WithdrawalService withdrawals) {
        this.catalog = catalog;
        this.withdrawals = withdrawals;
        this.history = history;
        this.archives = archives;
        this.dossiers = dossiers;
        this.list = list;
        this.access = access;
        this.attachments = attachments;
        this.openTasks = openTasks;
        this.currentActor = currentActor;
        this.runner = runner;
    }

    /** The address of a proposal's dossier page. */
    public static String dossier(long proposalId) {
        return "/proposals/" + proposalId;
    }

    /**
     * The list with API.md's filters and those of the reports' figures (every figure of the
     * dashboard links here and the list has as many items as the figure says); bad values show the
     * field's message above an empty list.
     */
    @GetMapping("/proposals")
    String proposals(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> parameters = new LinkedHashMap<>(query);
        parameters.keySet().removeIf(name -> name.equals("lang") || name.equals("size"));
        StepRunner.Outcome<ProposalList.Filter> outcome = runner.call(() -> list.read(parameters, PAGE_SIZE, PAGE_SIZE));
        ProposalList.Filter f = outcome.value();
        if (!outcome.ok()) {
            f = new ProposalList.Filter(null, null, null, null, null, 0, PAGE_SIZE);
            model.addAttribute("errors", outcome.fieldErrors());
        }
        ProposalList.Page found = outcome.ok() ? list.find(f, currentActor.get()) : new ProposalList.Page(List.of(), 0);
        long lastPage = Math.max(0, (found.total() - 1) / PAGE_SIZE);
        Map<String, String> kept = new LinkedHashMap<>(f.query());
        kept.keySet().removeAll(FORM_FILTERS);
        Actor actor = currentActor.get();
        model.addAttribute("found", found);
        model.addAttribute("filter", f);
        model.addAttribute("perUnit", f.figures().perUnit());
        model.addAttribute("kept", kept);
        model.addAttribute("labels", labels(f));
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("status", f.status());
        model.addAttribute("q", f.q());
        model.addAttribute("sessions", catalog.sessions());
        model.addAttribute("categories", catalog.categories().stream().map(Category::getName).toList());
        model.addAttribute("units", catalog.units());
        model.addAttribute("roles", UnitRole.values());
        model.addAttribute("proposerTypes", ProposerType.values());
        model.addAttribute("sortLinks", sortLinks(f));
        model.addAttribute("mayExport", actor.isOffice() || actor.isIn(Actor.AUDITORS));
        model.addAttribute("exportLink", link("/proposals/export.xlsx", f.query(), 0));
        model.addAttribute("page", f.page());
        model.addAttribute("lastPage", lastPage);
        model.addAttribute("previousPage", listLink(f.query(), f.page() - 1));
        model.addAttribute("nextPage", listLink(f.query(), f.page() + 1));
        return "proposals/list";
    }

    /** The list page with a filter's query parameters (see {@link ProposalList.Filter#query()}). */
    public static String listLink(Map<String, String> query, int page) {
        return link("/proposals", query, page);
    }

    private static String link(String path, Map<String, String> query, int page) {
        Map<String, String> parameters = new LinkedHashMap<>(query);
        if (page > 0) {
            parameters.put("page", String.valueOf(page));
        }
        StringBuilder link = new StringBuilder(path);
        parameters.forEach((name, value) -> link.append(link.length() == path.length() ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return link.toString();
    }

    /** The filters the list page's form has fields for; the others (the figures') ride along hidden. */
    static final Set<String> FORM_FILTERS = Set.of("q", "status", "session", "category", "unit", "role", "key",
            "overdue", "proposerType");

    /** A column's sort link: ascending, or descending when the list is sorted ascending by it now. */
    public record SortLink(String href, String direction) {}

    static Map<String, SortLink> sortLinks(ProposalList.Filter f) {
        Map<String, SortLink> links = new LinkedHashMap<>();
        for (String column : ProposalList.SORTS) {
            Map<String, String> query = new LinkedHashMap<>(f.query());
            String direction = column.equals(f.sort()) ? "asc" : ("-" + column).equals(f.sort()) ? "desc" : null;
            query.put("sort", "asc".equals(direction) ? "-" + column : column);
            links.put(column, new SortLink(listLink(query, 0), direction));
        }
        return links;
    }

    /**
     * Exactly the filtered list as a spreadsheet, by the API's own {@code GET /api/proposals/export.xlsx}
     * (the office and auditors), for the page session; bad filters answer as the list page shows them.
     */
    @GetMapping("/proposals/export.xlsx")
    ResponseEntity<?> export(@RequestParam Map<String, String> query, RedirectAttributes flash) {
        Map<String, String> parameters = new LinkedHashMap<>(query);
        parameters.remove("lang");
        StepRunner.Outcome<ResponseEntity<byte[]>> outcome = runner.call(() -> archives.export(parameters));
        if (outcome.ok()) {
            return outcome.value();
        }
        // back to the list, which shows what is wrong
        flash.addFlashAttribute("error", outcome.flashError() != null ? outcome.flashError() : outcome.summary());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(listLink(parameters, 0))).build();
    }

    /** One filter in force, said in words: a message key and its argument (or none). */
    public record FilterLabel(String key, Object argument) {}

    /** The filters besides text and status, for the line above the list; ratings are said by the page itself. */
    static List<FilterLabel> labels(ProposalList.Filter f) {
        List<FilterLabel> labels = new ArrayList<>();
        ProposalList.Figures figures = f.figures();
        if (f.session() != null) {
            labels.add(new FilterLabel("filter.session", f.session()));
        }
        if (f.category() != null) {
            labels.add(new FilterLabel("filter.category", f.category()));
        }
        if (f.unit() != null) {
            labels.add(new FilterLabel("filter.unit", f.unit()));
        }
        year(labels, "filter.submittedIn", figures.submittedIn());
        year(labels, "filter.filedIn", figures.filedIn());
        year(labels, "filter.closedIn", figures.closedIn());
        yesNo(labels, "filter.key", figures.key());
        yesNo(labels, "filter.filed", figures.filed());
        yesNo(labels, "filter.assigned", figures.assigned());
        yesNo(labels, "filter.replying", figures.replying());
        yesNo(labels, "filter.replied", figures.replied());
        yesNo(labels, "filter.onTime", figures.onTime());
        yesNo(labels, "filter.faceToFace", figures.faceToFace());
        yesNo(labels, "filter.overdue", figures.overdue());
        yesNo(labels, "filter.reHandled", figures.reHandled());
        if (figures.replyClass() != null) {
            labels.add(new FilterLabel("filter.replyClass", figures.replyClass()));
        }
        return labels;
    }

    private static void year(List<FilterLabel> labels, String key, Integer year) {
        if (year != null) {
            labels.add(new FilterLabel(key, String.valueOf(year)));
        }
    }

    private static void yesNo(List<FilterLabel> labels, String key, Boolean wanted) {
        if (wanted != null) {
            labels.add(new FilterLabel(key + "." + wanted, null));
        }
    }

    /**
     * The dossier; its timeline 办理经过 shows the business events, and for auditors the 技术明细 too
     * when they switch it on ({@code ?technical=true}).
     */
    @GetMapping("/proposals/{id}")
    String dossier(@PathVariable long id, @RequestParam(name = "technical", defaultValue = "false") boolean technical,
            Model model) {
        Actor actor = currentActor.get();
        Dossier dossier = dossiers.dossier(id, actor);
        Proposal proposal = access.requireVisible(id, actor);
        boolean mayAskForTechnical = ProposalHistory.mayAskForTechnical(actor);
        model.addAttribute("d", dossier);
        model.addAttribute("history", history.of(id, actor, technical && mayAskForTechnical));
        model.addAttribute("technical", technical && mayAskForTechnical);
        model.addAttribute("mayAskForTechnical", mayAskForTechnical);
        model.addAttribute("mayArchive", actor.isOffice() || actor.isIn(Actor.AUDITORS));
        model.addAttribute("tasks", openTasks.mineFor(id, actor));
        model.addAttribute("mayUpload", mayUpload(proposal, actor));
        model.addAttribute("mayWithdraw", withdrawals.mayRequest(proposal, actor));
        return "proposals/dossier";
    }

    /**
     * The dossier as a PDF for the archive, by the API's own {@code GET /api/proposals/{id}/dossier.pdf}
     * (the office and auditors; recorded in the audit trail), for the page session; with the
     * timeline's 技术明细 only when an auditor asks for it.
     */
    @GetMapping("/proposals/{id}/dossier.pdf")
    ResponseEntity<byte[]> archive(@PathVariable long id,
            @RequestParam(name = "technical", defaultValue = "false") boolean technical) {
        return archives.archive(id, technical);
    }

    @GetMapping("/proposals/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        access.requireVisible(id, currentActor.get());
        AttachmentService.AttachmentFile file = attachments.read(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.info().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    /** As {@code POST /api/proposals/{id}/attachments}: the proposer, the office and the units. */
    @PostMapping("/proposals/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes flash) {
        Actor actor = currentActor.get();
        Proposal proposal = access.requireVisible(id, actor);
        StepRunner.Outcome<Void> outcome = runner.run(() -> {
            if (!mayUpload(proposal, actor)) {
                throw new ForbiddenException("只有提案者、提案委员会和承办单位可以上传附件");
            }
            store(id, file, actor, attachments);
        });
        if (outcome.ok()) {
            flash.addFlashAttribute("success", "flash.attachmentAdded");
        } else {
            flash.addFlashAttribute("error", outcome.invalid() ? String.join("；", outcome.fieldErrors().values())
                    : outcome.flashError());
        }
        return "redirect:" + dossier(id);
    }

    static boolean mayUpload(Proposal proposal, Actor actor) {
        return actor.isOffice() || proposal.getProposer().equals(actor.userId())
                || !ProposalAccess.unitsOf(actor).isEmpty();
    }

    /** Stores one uploaded file; nothing when no file was chosen, unless {@code required}. */
    public static void store(long proposalId, MultipartFile file, Actor actor, AttachmentService attachments) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            throw new InvalidInputException("file", "必须上传文件");
        }
        try {
            attachments.store(proposalId, file.getOriginalFilename(), file.getBytes(), actor.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file was chosen in a form's optional file field. */
    public static boolean chosen(MultipartFile file) {
        return file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    }
}
