package cn.cppcc.proposals.web.audit;

import cn.cppcc.proposals.audit.AuditChain;
import cn.cppcc.proposals.audit.AuditController;
import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.dossier.AuditTexts;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalQueries;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.web.StepRunner;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit page 审计: the search form and its results page by page, the CSV download of the same
 * search and the verification of the chain. Each calls the API's {@link AuditController}, which
 * lets auditors only (the API answers 403 to everyone else, the office included), and the page
 * session is the actor, as the API's Basic auth would be.
 *
 * <p>People and units are picked by name (the API searches by user id and unit code); a proposal
 * by its number 提案号 ({@code 1} and {@code 0001} alike, with its session where numbers repeat) or,
 * from a dossier's link, by its id ({@code proposalId}): both find the same records. The records
 * show people, their groups, units and codes by name (dossier/AuditTexts).
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    /** The page's own parameters; {@code proposal} is a number, {@code session} its session's code. */
    static final List<String> PARAMETERS = List.of("from", "to", "actor", "unit", "session", "proposal", "proposalId",
            "action");
    /** The width of a number 提案号 (ReviewStep gives 0001, 0002, …). */
    static final int NUMBER_WIDTH = 4;

    private final AuditController audit;
    private final StepRunner runner;
    private final ProposalQueries proposals;
    private final ProposalService proposalService;
    private final Directory directory;
    private final Catalog catalog;
    private final AuditTexts texts;

    AuditPages(AuditController audit, StepRunner runner, ProposalQueries proposals, ProposalService proposalService,
            Directory directory, Catalog catalog, AuditTexts texts) {
        this.audit = audit;
        this.runner = runner;
        this.proposals = proposals;
        this.proposalService = proposalService;
        this.directory = directory;
        this.catalog = catalog;
        this.texts = texts;
    }

    /** One choice of a select: the value sent, the name shown. */
    record Choice(String value, String name) {}

    /** A record as the page shows it: people, groups, units, subject and detail by name. */
    record Row(AuditController.Item item, String actorName, String roles, String proposal, String unit, String subject,
               String detail) {}

    @GetMapping("/audit")
    String auditPage(@RequestParam Map<String, String> query, Model model) {
        List<AuditController.ActionView> actions = audit.actions();   // 403 for all but auditors
        Map<String, String> chosen = only(query);
        Map<String, String> filter = new LinkedHashMap<>();
        StepRunner.Outcome<AuditController.Page> outcome = runner.call(() -> {
            filter.putAll(apiFilter(chosen));
            filter.put("size", String.valueOf(PAGE_SIZE));
            String page = query.get("page");
            if (page != null && !page.isBlank()) {
                filter.put("page", page.strip());
            }
            return audit.search(filter);
        });
        if (!outcome.ok()) {
            model.addAttribute("errors", outcome.fieldErrors());
            model.addAttribute("error", outcome.flashError());
        }
        AuditController.Page result = outcome.ok() ? outcome.value()
                : new AuditController.Page(List.of(), 0, false, 0, PAGE_SIZE);
        long lastPage = Math.max(0, (result.total() - 1) / PAGE_SIZE);
        String parameters = query(chosen);
        model.addAttribute("actions", actions);
        model.addAttribute("people", people());
        model.addAttribute("units", catalog.units().stream().map(u -> new Choice(u.getCode(), u.getName())).toList());
        model.addAttribute("sessions", catalog.sessions().stream()
                .map(s -> new Choice(s.getCode(), s.getName())).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("chosenProposal", outcome.ok() && filter.containsKey("proposal")
                ? proposalLabel(Long.parseLong(filter.get("proposal"))) : null);
        model.addAttribute("found", result);
        model.addAttribute("rows", rows(result.items()));
        model.addAttribute("lastPage", lastPage);
        model.addAttribute("previousPage", result.page() > 0 ? link(parameters, result.page() - 1) : null);
        model.addAttribute("nextPage", result.page() < lastPage ? link(parameters, result.page() + 1) : null);
        model.addAttribute("csv", "/audit/events.csv" + (parameters.isEmpty() ? "" : "?" + parameters));
        return "audit/audit";
    }

    /** The search as CSV (with its BOM, for Excel), by the API's own export; bad fields lead back to the page. */
    @GetMapping("/audit/events.csv")
    void csv(@RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
        audit.actions();   // 403 for all but auditors, before anything else
        Map<String, String> chosen = only(query);
        try {
            audit.export(apiFilter(chosen), response);
        } catch (InvalidInputException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            String parameters = query(chosen);
            response.sendRedirect("/audit" + (parameters.isEmpty() ? "" : "?" + parameters));
        }
    }

    /** Recomputes the chain and shows the outcome above the search (POST: it reads the whole trail). */
    @PostMapping("/audit/verify")
    String verify(@RequestParam Map<String, String> query, RedirectAttributes flash) {
        AuditChain.Verification v = audit.verify();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("ok", v.ok());
        shown.put("checked", v.checked());
        shown.put("firstBrokenSeq", v.firstBrokenSeq());
        shown.put("lastSeq", v.lastSeq());
        shown.put("lastHash", v.lastHash());
        flash.addFlashAttribute("verification", shown);
        String parameters = query(only(query));
        return "redirect:/audit" + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** The page's choices as the API's filter: the proposal's id from its number (or as given), without the session. */
    Map<String, String> apiFilter(Map<String, String> chosen) {
        Map<String, String> filter = new LinkedHashMap<>(chosen);
        filter.remove("session");
        filter.remove("proposalId");
        filter.remove("proposal");
        if (chosen.containsKey("proposal")) {
            filter.put("proposal", proposalId(chosen.get("proposal"), chosen.get("session")));
        } else if (chosen.containsKey("proposalId")) {
            filter.put("proposal", chosen.get("proposalId"));
        }
        return filter;
    }

    /** The id of the one proposal with this number 提案号 (1 is 0001), in the session when one is chosen. */
    String proposalId(String value, String sessionCode) {
        String v = value.strip();
        if (!v.matches("\\d{1,9}")) {
            throw new InvalidInputException("proposal", "请输入提案号，如 0001");
        }
        String number = v.length() < NUMBER_WIDTH ? "0".repeat(NUMBER_WIDTH - v.length()) + v : v;
        Long sessionId = sessionCode == null ? null
                : catalog.session(sessionCode).map(CommitteeSession::getId)
                        .orElseThrow(() -> new InvalidInputException("session", "没有该届次"));
        List<Long> ids = proposals.idsOfNumber(number, sessionId);
        if (ids.size() == 1) {
            return String.valueOf(ids.get(0));
        }
        throw new InvalidInputException("proposal", ids.isEmpty() ? "没有提案号为" + number + "的提案"
                : "提案号" + number + "在多个届次中都有，请同时选择届次");
    }

    /** Everyone of the identity store and the system, by name; a name two people share gets the user id. */
    private List<Choice> people() {
        List<Choice> people = new ArrayList<>();
        directory.users().forEach(u -> people.add(new Choice(u.getId(), directory.displayName(u.getId()))));
        Map<String, Long> shared = people.stream().collect(Collectors.groupingBy(Choice::name, Collectors.counting()));
        List<Choice> named = new ArrayList<>(people.stream()
                .map(c -> shared.get(c.name()) > 1 ? new Choice(c.value(), c.name() + "（" + c.value() + "）") : c)
                .sorted(Comparator.comparing(Choice::name, java.text.Collator.getInstance(java.util.Locale.CHINA)))
                .toList());
        named.add(0, new Choice(AuditNote.SYSTEM, "系统（定时任务和流程引擎）"));
        return named;
    }

    private List<Row> rows(List<AuditController.Item> items) {
        AuditTexts.Reading names = texts.reading();
        Map<Long, String> numbers = new HashMap<>();
        Function<Long, String> number = id -> numbers.computeIfAbsent(id, this::proposalNumber);
        return items.stream().map(e -> new Row(e, names.person(e.actor()), names.roles(e.actorRoles()),
                e.proposalId() == null ? null : number.apply(e.proposalId()), e.unit() == null ? "" : names.unit(e.unit()),
                names.subject(e.subject()), names.detail(e.detail()))).toList();
    }

    /** 0002, or 收件3号 before filing. */
    private String proposalNumber(long id) {
        try {
            Proposal p = proposalService.require(id);
            return p.getNumber() != null ? p.getNumber() : "收件" + p.getSerialNo() + "号";
        } catch (NotFoundException e) {
            return String.valueOf(id);
        }
    }

    /** 0002 关于…的建议 (届次名称). */
    private String proposalLabel(long id) {
        try {
            Proposal p = proposalService.require(id);
            return proposalNumber(id) + " " + p.getTitle()
                    + catalog.session(p.getSessionId()).map(s -> "（" + s.getName() + "）").orElse("");
        } catch (NotFoundException e) {
            return String.valueOf(id);
        }
    }

    private static Map<String, String> only(Map<String, String> query) {
        Map<String, String> kept = new LinkedHashMap<>();
        PARAMETERS.forEach(name -> {
            if (query.get(name) != null && !query.get(name).isBlank()) {
                kept.put(name, query.get(name).strip());
            }
        });
        return kept;
    }

    private static String link(String parameters, int page) {
        return "/audit?" + (parameters.isEmpty() ? "" : parameters + "&") + "page=" + page;
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
