package cn.cppcc.proposals.web.audit;

import cn.cppcc.proposals.audit.AuditChain;
import cn.cppcc.proposals.audit.AuditController;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.web.StepRunner;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import cn.cppcc.proposals.proposal.ProposalQueries;
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
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    static final List<String> PARAMETERS = List.of("from", "to", "actor", "unit", "proposal", "action");

    private final AuditController audit;
    private final StepRunner runner;
    private final ProposalQueries proposals;

    AuditPages(AuditController audit, StepRunner runner, ProposalQueries proposals) {
        this.audit = audit;
        this.runner = runner;
        this.proposals = proposals;
    }

    @GetMapping("/audit")
    String auditPage(@RequestParam Map<String, String> query, Model model) {
        List<AuditController.ActionView> actions = audit.actions();   // 403 for all but auditors
        Map<String, String> chosen = only(query);
        Map<String, String> filter = new LinkedHashMap<>(chosen);
        StepRunner.Outcome<AuditController.Page> outcome = runner.call(() -> {
            filter.computeIfPresent("proposal", (k, v) -> proposalId(v));
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
        String parameters = query(outcome.ok() ? filterWithoutPaging(filter) : chosen);
        model.addAttribute("actions", actions);
        model.addAttribute("chosen", chosen);
        model.addAttribute("found", result);
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
        Map<String, String> filter = only(query);
        try {
            filter.computeIfPresent("proposal", (k, v) -> proposalId(v));
            audit.export(filter, response);
        } catch (InvalidInputException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            String parameters = query(only(query));
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

    /** A proposal's id, or the id of the one proposal with that number (numbers repeat across sessions). */
    private String proposalId(String value) {
        String v = value.strip();
        List<Long> ids = proposals.idsOfNumber(v);
        if (ids.size() == 1) {
            return String.valueOf(ids.get(0));
        }
        if (v.matches("\\d{1,18}")) {
            return v;
        }
        throw new InvalidInputException("proposal", ids.isEmpty() ? "没有该编号的提案" : "该编号对应多件提案，请输入提案ID");
    }

    private static Map<String, String> filterWithoutPaging(Map<String, String> filter) {
        Map<String, String> kept = new LinkedHashMap<>(filter);
        kept.remove("page");
        kept.remove("size");
        return kept;
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
