package cn.cppcc.proposals.dossier;

import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.ProposalClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import cn.cppcc.proposals.audit.AuditLog;
import cn.cppcc.proposals.shared.CurrentActor;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/proposals} and {@code GET /api/proposals/{id}} (API.md "Proposals"). */
@RestController
public class DossierController {

    static final int MAX_PAGE_SIZE = 100;

    private final DossierService dossiers;
    private final ProposalList list;
    private final CurrentActor currentActor;
    private final ProposalHistory history;
    private final ApplicationEventPublisher events;
    private final ProposalClock clock;
    private final AuditLog auditLog;
    private final ListSpreadsheet spreadsheet;
    private final AuditTexts texts;

    DossierController(DossierService dossiers, ProposalList list, CurrentActor currentActor, ProposalHistory history,
            ApplicationEventPublisher events, ProposalClock clock, AuditLog auditLog, ListSpreadsheet spreadsheet,
            AuditTexts texts) {
        this.spreadsheet = spreadsheet;
        this.texts = texts;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.auditLog = auditLog;
        this.dossiers = dossiers;
        this.list = list;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/proposals/{id}")
    Dossier dossier(@PathVariable long id) {
        return dossiers.dossier(id, currentActor.get());
    }

    /**
     * The dossier with its timeline as a PDF for the archive (档案): the office and auditors; the
     * timeline's 技术明细 only when an auditor asks for it ({@code technical=true}).
     */
    @GetMapping("/api/proposals/{id}/dossier.pdf")
    public ResponseEntity<byte[]> archive(@PathVariable long id,
            @RequestParam(name = "technical", defaultValue = "false") boolean technical) {
        Actor actor = currentActor.get();
        Dossier dossier = dossiers.dossier(id, actor);
        if (!actor.isOffice() && !actor.isIn(Actor.AUDITORS)) {
            throw new ForbiddenException("只有提案委员会和审计监督人员可以导出提案档案");
        }
        List<ProposalHistory.Entry> timeline = history.of(id, actor, technical);
        events.publishEvent(new DossierExported(id));
        String head = auditLog.head();
        byte[] pdf = DossierPdf.write(dossier, timeline, texts.reading(), clock.zone(), actor.userId(), clock.now(), head);
        String name = "提案档案-" + (dossier.number() == null ? "流水号" + dossier.serialNo() : dossier.number()) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-" + id + ".pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(pdf);
    }

    /** API.md's filters and those of the reports' figures (README "API"); bad ones answer 400 naming the field. */
    @GetMapping("/api/proposals")
    ProposalList.Page list(@RequestParam Map<String, String> query) {
        return list.find(list.read(query, 20, MAX_PAGE_SIZE), currentActor.get());
    }

    /**
     * Exactly the filtered list as a spreadsheet, every item of it in its order (API.md "The plenary
     * week"): the office and auditors. {@code page} and {@code size} are not read.
     */
    @GetMapping("/api/proposals/export.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam Map<String, String> query) {
        Actor actor = currentActor.get();
        if (!actor.isOffice() && !actor.isIn(Actor.AUDITORS)) {
            throw new ForbiddenException("只有提案委员会和审计监督人员可以导出提案列表");
        }
        Map<String, String> filters = new java.util.HashMap<>(query);
        filters.remove("page");
        filters.remove("size");
        byte[] xlsx = spreadsheet.write(list.read(filters, 1, 1), actor);
        String name = "提案列表-" + clock.today() + ".xlsx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ListSpreadsheet.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proposals.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(xlsx);
    }
}
