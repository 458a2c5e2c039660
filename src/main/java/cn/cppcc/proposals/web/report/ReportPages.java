package cn.cppcc.proposals.web.report;

import cn.cppcc.proposals.report.ReportDownloads;
import cn.cppcc.proposals.report.ReportPeriod;
import cn.cppcc.proposals.report.ReportService;
import cn.cppcc.proposals.report.Summary;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.web.StepRunner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page 统计报表 of a session, a year or a date range, for the office, auditors and
 * supervisors: the summary's tables (overview, per category, per unit, per proposer type, reply
 * classes), the downloads of {@code /api/reports} (summary and register as spreadsheets, the annual
 * report as a Word document), the annual paragraph and the ranking of units 先进承办单位 with its
 * weights. Everything from report/ReportService and ReportDownloads.
 */
@Controller
class ReportPages {

    static final List<String> PARAMETERS = List.of("session", "year", "from", "to");

    private final ReportService reports;
    private final ReportDownloads downloads;
    private final PeriodChoice periods;
    private final CurrentActor currentActor;
    private final StepRunner runner;

    ReportPages(ReportService reports, ReportDownloads downloads, PeriodChoice periods, CurrentActor currentActor,
            StepRunner runner) {
        this.reports = reports;
        this.downloads = downloads;
        this.periods = periods;
        this.currentActor = currentActor;
        this.runner = runner;
    }

    /** One line of the overview: a message key and the count or the rate. */
    record Line(String key, Long count, Double rate, boolean isRate) {

        static Line count(String key, long count) {
            return new Line(key, count, null, false);
        }

        static Line rate(String key, Double rate) {
            return new Line(key, null, rate, true);
        }
    }

    @GetMapping("/reports")
    String reportsPage(@RequestParam Map<String, String> query, Model model) {
        reports.requireReader(currentActor.get());
        Map<String, String> chosen = periods.withDefault(query, PARAMETERS);
        StepRunner.Outcome<ReportPeriod> outcome = runner.call(() -> reports.period(chosen, false));
        ReportPeriod p = outcome.value();
        if (!outcome.ok()) {
            model.addAttribute("errors", outcome.fieldErrors());
            chosen.clear();
            chosen.putAll(periods.defaultPeriod());
            p = reports.period(chosen, false);
        }
        Summary s = reports.summary(p);
        // the annual report of the chosen period's year; by default this year's, not the current
        // session's (in December that session is already next year's)
        boolean periodChosen = PARAMETERS.stream().anyMatch(name -> query.get(name) != null && !query.get(name).isBlank());
        int year = periodChosen && outcome.ok() && p.year() != null ? p.year() : periods.thisYear();
        String annual = query.get("annual");
        if (annual != null && !annual.isBlank()) {
            StepRunner.Outcome<Integer> annualOutcome = runner.call(() -> reports.year(Map.of("year", annual)));
            if (annualOutcome.ok()) {
                year = annualOutcome.value();
            } else {
                model.addAttribute("annualError", annualOutcome.fieldErrors().get("year"));
            }
        }
        model.addAttribute("period", p);
        model.addAttribute("chosen", chosen);
        model.addAttribute("sessions", periods.sessions());
        model.addAttribute("years", periods.years());
        model.addAttribute("thisYear", periods.thisYear());
        model.addAttribute("s", s);
        model.addAttribute("overview", overview(s));
        model.addAttribute("proposerTypes", reports.byProposerType(p));
        model.addAttribute("classLabels", reports.classLabels());
        model.addAttribute("ranking", reports.ranking(p));
        model.addAttribute("annualYear", year);
        model.addAttribute("annual", reports.annual(year));
        String parameters = query(chosen);
        model.addAttribute("annualChoice", chosen);
        model.addAttribute("summaryXlsx", "/reports/summary.xlsx?" + parameters);
        model.addAttribute("registerXlsx", "/reports/register.xlsx?" + parameters);
        model.addAttribute("annualDocx", "/reports/annual.docx?year=" + year);
        return "report/reports";
    }

    @GetMapping("/reports/summary.xlsx")
    Object summarySpreadsheet(@RequestParam Map<String, String> query) {
        return download(query, () -> downloads.summary(reports.period(only(query), false)));
    }

    @GetMapping("/reports/register.xlsx")
    Object register(@RequestParam Map<String, String> query) {
        return download(query, () -> downloads.register(reports.period(only(query), false)));
    }

    @GetMapping("/reports/annual.docx")
    Object annualDocument(@RequestParam Map<String, String> query) {
        return download(query, () -> downloads.annual(reports.year(only(query))));
    }

    /** The file; bad parameters lead back to the page, which names the field. */
    private Object download(Map<String, String> query, Supplier<ReportDownloads.Download> file) {
        reports.requireReader(currentActor.get());
        StepRunner.Outcome<ReportDownloads.Download> made = runner.call(file);
        if (!made.ok()) {
            return "redirect:/reports?" + query(only(query));
        }
        return made.value().asAttachment();
    }

    static List<Line> overview(Summary s) {
        return List.of(Line.count("reports.submitted", s.submitted()), Line.count("reports.filed", s.filed()),
                Line.count("reports.rejected", s.rejected()), Line.count("reports.converted", s.converted()),
                Line.count("reports.merged", s.merged()), Line.count("reports.withdrawn", s.withdrawn()),
                Line.count("reports.assigned", s.assigned()), Line.count("reports.handled", s.handled()),
                Line.count("reports.unitAssignments", s.unitAssignments()), Line.count("reports.replying", s.replying()),
                Line.count("reports.replied", s.replied()), Line.count("reports.onTime", s.onTime()),
                Line.count("reports.faceToFace", s.faceToFace()), Line.rate("reports.replyRate", s.replyRate()),
                Line.rate("reports.onTimeReplyRate", s.onTimeReplyRate()),
                Line.rate("reports.faceToFaceRate", s.faceToFaceRate()),
                Line.count("reports.satisfied", s.satisfied()),
                Line.count("reports.basicallySatisfied", s.basicallySatisfied()),
                Line.count("reports.dissatisfied", s.dissatisfied()), Line.count("reports.noResponse", s.noResponse()),
                Line.rate("reports.satisfiedRate", s.satisfiedRate()),
                Line.rate("reports.satisfiedOrBasicallyRate", s.satisfiedOrBasicallyRate()),
                Line.count("reports.overdue", s.overdue()), Line.count("reports.reHandled", s.reHandled()));
    }

    private static Map<String, String> only(Map<String, String> query) {
        Map<String, String> kept = new LinkedHashMap<>();
        PARAMETERS.forEach(name -> {
            if (query.get(name) != null && !query.get(name).isBlank()) {
                kept.put(name, query.get(name));
            }
        });
        return kept;
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
