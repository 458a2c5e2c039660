package cn.cppcc.proposals.web;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.dossier.Dossier;
import cn.cppcc.proposals.dossier.DossierService;
import cn.cppcc.proposals.plenary.PlenarySettings;
import cn.cppcc.proposals.plenary.PrintedLists;
import cn.cppcc.proposals.plenary.PrintedListsController;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.ProposalClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Rule 17's printed lists on the pages: the office's page of 交办单 (per unit, and all of them in a
 * zip) and 立案目录, a unit's own 交办单, and each proposal's 交办通知 to print. The files come from
 * the API's own methods (plenary/PrintedListsController), for the page session.
 */
@Controller
class PrintPages {

    private final PrintedListsController files;
    private final PrintedLists lists;
    private final Catalog catalog;
    private final DossierService dossiers;
    private final CurrentActor currentActor;
    private final StepRunner runner;
    private final PlenarySettings settings;
    private final ProposalClock clock;

    PrintPages(PrintedListsController files, PrintedLists lists, Catalog catalog, DossierService dossiers,
            CurrentActor currentActor, StepRunner runner, PlenarySettings settings, ProposalClock clock) {
        this.files = files;
        this.lists = lists;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.currentActor = currentActor;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    /** The office's printed lists of a session (the current one unless chosen). */
    @GetMapping("/office/print")
    String print(@RequestParam(required = false) String session, Model model) {
        Actor actor = currentActor.get();
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以打印交办单和立案目录");
        }
        List<CommitteeSession> sessions = catalog.sessions();
        String code = session != null && catalog.session(session).isPresent() ? session
                : catalog.currentSession().map(CommitteeSession::getCode)
                        .orElse(sessions.isEmpty() ? null : sessions.get(0).getCode());
        model.addAttribute("sessions", sessions);
        model.addAttribute("session", code);
        model.addAttribute("units", code == null ? List.of() : lists.unitsWithLists(code, actor).stream()
                .map(unit -> lists.dispatchList(unit, code, actor)).toList());
        model.addAttribute("catalogue", code == null ? null : lists.catalogue(code, actor));
        return "office/print";
    }

    @GetMapping("/office/print/units/{code}/dispatch-list")
    ResponseEntity<?> dispatchList(@PathVariable String code, @RequestParam(required = false) String session,
            @RequestParam(required = false) String format) {
        return file(() -> files.dispatchList(code, session, format));
    }

    @GetMapping("/office/print/sessions/{code}/dispatch-lists.zip")
    ResponseEntity<?> dispatchLists(@PathVariable String code, @RequestParam(required = false) String format) {
        return file(() -> files.dispatchLists(code, format));
    }

    @GetMapping("/office/print/sessions/{code}/catalogue")
    ResponseEntity<?> catalogue(@PathVariable String code, @RequestParam(required = false) String format) {
        return file(() -> files.catalogue(code, format));
    }

    /** A unit's own 交办单, from its workbench. */
    @GetMapping("/unit/{code}/dispatch-list")
    ResponseEntity<?> unitDispatchList(@PathVariable String code, @RequestParam(required = false) String session,
            @RequestParam(required = false) String format) {
        return file(() -> files.dispatchList(code, session, format));
    }

    /** A proposal's 交办通知 to print: for whoever may see the proposal, once it is assigned. */
    @GetMapping("/proposals/{id}/dispatch-notice")
    String dispatchNotice(@PathVariable long id, Model model) {
        Actor actor = currentActor.get();
        Dossier dossier = dossiers.dossier(id, actor);
        model.addAttribute("d", dossier);
        model.addAttribute("header", settings.header());
        model.addAttribute("units", dossier.units().stream().filter(u -> !"REASSIGNED".equals(u.status())).toList());
        model.addAttribute("today", clock.today());
        return "proposals/dispatch-notice";
    }

    /** A file, or what is wrong with the request as plain text (a bad format: 400). */
    private ResponseEntity<?> file(Supplier<ResponseEntity<byte[]>> file) {
        StepRunner.Outcome<ResponseEntity<byte[]>> outcome = runner.call(file);
        if (outcome.ok()) {
            return outcome.value();
        }
        if (outcome.invalid()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(outcome.summary());
        }
        throw new ForbiddenException(outcome.flashError());
    }
}
