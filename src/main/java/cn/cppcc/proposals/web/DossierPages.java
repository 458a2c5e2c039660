package cn.cppcc.proposals.web;

import cn.cppcc.proposals.attachment.AttachmentService;
import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.dossier.DossierService;
import cn.cppcc.proposals.dossier.ProposalList;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * replies, ratings and what happened when.
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

    DossierPages(DossierService dossiers, ProposalList list, ProposalAccess access, AttachmentService attachments,
            OpenTasks openTasks, CurrentActor currentActor, StepRunner runner) {
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

    @GetMapping("/proposals")
    String proposals(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String knownStatus = Arrays.stream(ProposalStatus.values()).map(Enum::name)
                .filter(s -> s.equals(status)).findFirst().orElse(null);
        String query = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 100));
        int pageNo = Math.max(0, Math.min(page, 10_000));
        ProposalList.Page found = list.find(new ProposalList.Filter(knownStatus, null, null, null, query, pageNo, PAGE_SIZE),
                currentActor.get());
        model.addAttribute("found", found);
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("status", knownStatus);
        model.addAttribute("q", query);
        model.addAttribute("page", pageNo);
        model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / PAGE_SIZE));
        return "proposals/list";
    }

    @GetMapping("/proposals/{id}")
    String dossier(@PathVariable long id, Model model) {
        Actor actor = currentActor.get();
        Dossier dossier = dossiers.dossier(id, actor);
        Proposal proposal = access.requireVisible(id, actor);
        model.addAttribute("d", dossier);
        model.addAttribute("timeline", timeline(dossier));
        model.addAttribute("tasks", openTasks.mineFor(id, actor));
        model.addAttribute("mayUpload", mayUpload(proposal, actor));
        model.addAttribute("mayWithdraw", proposal.getProposer().equals(actor.userId())
                && (proposal.isWithdrawableWithoutApproval() || proposal.isWithdrawableWithApproval())
                && dossier.withdrawals().stream().noneMatch(w -> w.decision() == null));
        return "proposals/dossier";
    }

    /** One thing that happened, for the timeline; {@code detail} is plain text. */
    public record Event(Instant at, String what, String by, String detail) {}

    /** What the dossier tells of the proposal's history, oldest first (the history endpoint comes later). */
    static List<Event> timeline(Dossier d) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(d.createdAt(), "timeline.submitted", d.proposer(), null));
        for (Dossier.CoProposerView c : d.coProposerDetails()) {
            if (c.answeredAt() != null) {
                events.add(new Event(c.answeredAt(), "timeline.coProposer." + c.state(), c.user(), null));
            }
        }
        for (Dossier.ReviewView r : d.reviews()) {
            events.add(new Event(r.at(), "timeline.review." + r.decision(), r.reviewer(), r.comment()));
        }
        for (Dossier.UnitView u : d.units()) {
            if (u.acceptedAt() != null) {
                events.add(new Event(u.acceptedAt(), u.acceptedBySilence() ? "timeline.acceptedBySilence" : "timeline.accepted",
                        null, u.name()));
            }
            for (Dossier.ConsultationView c : u.consultations()) {
                events.add(new Event(c.recordedAt(), "timeline.consultation", c.recordedBy(), u.name()));
            }
            if (u.opinion() != null) {
                events.add(new Event(u.opinion().at(), "timeline.opinion", u.opinion().by(), u.name()));
            }
            for (Dossier.ReplyView r : u.replies()) {
                if (r.signedAt() != null) {
                    events.add(new Event(r.signedAt(), "RETURNED".equals(r.status()) ? "timeline.replyReturned"
                            : "timeline.replySigned", r.signedBy(), u.name()));
                }
                if (r.sentAt() != null) {
                    events.add(new Event(r.sentAt(), "timeline.replySent", null, u.name()));
                }
                if (r.feedback() != null && r.feedback().at() != null) {
                    events.add(new Event(r.feedback().at(), "timeline.rated." + r.feedback().rating(), null, u.name()));
                }
            }
        }
        for (var w : d.withdrawals()) {
            events.add(new Event(w.requestedAt(), "timeline.withdrawalRequested", w.requestedBy(), w.reason()));
            if (w.decidedAt() != null) {
                events.add(new Event(w.decidedAt(), "timeline.withdrawal." + w.decision(), w.decidedBy(), w.comment()));
            }
        }
        for (var note : d.supervision()) {
            events.add(new Event(note.at(), "timeline.supervision", note.by(), note.note()));
        }
        for (var followUp : d.followUps()) {
            if (followUp.at() != null) {
                events.add(new Event(followUp.at(), "timeline.followUp", followUp.by(), followUp.result()));
            }
        }
        if (d.closedAt() != null) {
            events.add(new Event(d.closedAt(), "timeline.closed", null, null));
        }
        events.sort(Comparator.comparing(Event::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return events;
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
        StepRunner.Outcome outcome = runner.run(() -> {
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
