package cn.cppcc.proposals.web.report;

import cn.cppcc.proposals.report.ReportPeriod;
import cn.cppcc.proposals.report.ReportService;
import cn.cppcc.proposals.report.Summary;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.web.StepRunner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard 统计看板 of a session or a year, for the office, auditors and supervisors (those who
 * read the reports): proposals by status, the outcomes, the rates as report/ReportService computes
 * them, overdue replies by unit, and charts by category and by unit. For the office and auditors,
 * who see every proposal, each figure links to the list of exactly the proposals (or units' parts)
 * it counts; a supervisor sees only their key proposals in the list, so their figures are plain.
 */
@Controller
class DashboardPages {

    private final ReportService reports;
    private final PeriodChoice periods;
    private final CurrentActor currentActor;
    private final StepRunner runner;
    private final ObjectMapper json;
    private final MessageSource messages;

    DashboardPages(ReportService reports, PeriodChoice periods, CurrentActor currentActor, StepRunner runner,
            ObjectMapper json, MessageSource messages) {
        this.messages = messages;
        this.reports = reports;
        this.periods = periods;
        this.currentActor = currentActor;
        this.runner = runner;
        this.json = json;
    }

    /** A count, and the list behind it ({@code null}: not a link). */
    record Figure(long value, String link) {}

    /** A rate 0..1 ({@code null} without a figure) and the two counts it divides. */
    record Rate(Double value, Figure count, Figure of) {}

    record StatusCount(String status, Figure figure) {}

    record CategoryCount(String category, Figure figure) {}

    record UnitRow(String code, String name, Figure assigned, Figure replying, Figure replied, Figure onTime,
                   Figure faceToFace, Figure overdue, Figure reHandled, Rate replyRate, Rate faceToFaceRate,
                   Rate satisfiedOrBasicallyRate) {}

    @GetMapping("/dashboard")
    String dashboard(@RequestParam Map<String, String> query, Model model) {
        Actor actor = currentActor.get();
        reports.requireReader(actor);
        Map<String, String> chosen = periods.withDefault(query, List.of("session", "year"));
        StepRunner.Outcome<ReportPeriod> outcome = runner.call(() -> reports.period(chosen, true));
        ReportPeriod period = outcome.value();
        if (!outcome.ok()) {
            model.addAttribute("errors", outcome.fieldErrors());
            Map<String, String> fallback = periods.defaultPeriod();
            period = reports.period(fallback, true);
            chosen.clear();
            chosen.putAll(fallback);
        }
        Summary s = reports.summary(period);
        boolean linked = actor.isOffice() || actor.isIn(Actor.AUDITORS);
        FigureLinks links = linked ? FigureLinks.of(period) : null;
        Links l = new Links(links);

        model.addAttribute("period", period);
        model.addAttribute("chosen", chosen);
        model.addAttribute("sessions", periods.sessions());
        model.addAttribute("years", periods.years());
        model.addAttribute("thisYear", periods.thisYear());
        model.addAttribute("linked", linked);
        model.addAttribute("s", s);

        List<StatusCount> statuses = new ArrayList<>();
        reports.byStatus(period).forEach((status, n) -> statuses.add(new StatusCount(status,
                l.of(n, f -> f.status(status)))));
        model.addAttribute("statuses", statuses);
        model.addAttribute("submitted", l.of(s.submitted(), FigureLinks::submitted));
        model.addAttribute("filed", l.of(s.filed(), FigureLinks::filed));
        model.addAttribute("assigned", l.of(s.assigned(), FigureLinks::assigned));
        model.addAttribute("outcomes", List.of(
                new StatusCount("REJECTED", l.of(s.rejected(), f -> f.closed("REJECTED"))),
                new StatusCount("CONVERTED", l.of(s.converted(), f -> f.closed("CONVERTED"))),
                new StatusCount("MERGED", l.of(s.merged(), f -> f.closed("MERGED"))),
                new StatusCount("WITHDRAWN", l.of(s.withdrawn(), f -> f.closed("WITHDRAWN")))));

        Figure replying = l.perUnit(s.replying(), null, "replying", "true");
        Figure replied = l.perUnit(s.replied(), null, "replied", "true");
        Figure rated = l.perUnit(s.rated(), null, "rating", "SATISFIED,BASICALLY_SATISFIED,DISSATISFIED");
        model.addAttribute("replying", replying);
        model.addAttribute("replied", replied);
        model.addAttribute("overdue", l.perUnit(s.overdue(), null, "overdue", "true"));
        model.addAttribute("reHandled", l.perUnit(s.reHandled(), null, "reHandled", "true"));
        model.addAttribute("faceToFaceRate", new Rate(s.faceToFaceRate(),
                l.perUnit(s.faceToFace(), null, "faceToFace", "true"), replied));
        model.addAttribute("replyRate", new Rate(s.replyRate(), replied, replying));
        model.addAttribute("onTimeRate", new Rate(s.onTimeReplyRate(), l.perUnit(s.onTime(), null, "onTime", "true"),
                replied));
        model.addAttribute("satisfiedOrBasicallyRate", new Rate(s.satisfiedOrBasicallyRate(),
                l.perUnit(s.satisfied() + s.basicallySatisfied(), null, "rating", "SATISFIED,BASICALLY_SATISFIED"), rated));
        model.addAttribute("ratings", List.of(
                new StatusCount("SATISFIED", l.perUnit(s.satisfied(), null, "rating", "SATISFIED")),
                new StatusCount("BASICALLY_SATISFIED", l.perUnit(s.basicallySatisfied(), null, "rating", "BASICALLY_SATISFIED")),
                new StatusCount("DISSATISFIED", l.perUnit(s.dissatisfied(), null, "rating", "DISSATISFIED")),
                new StatusCount("NO_RESPONSE", l.perUnit(s.noResponse(), null, "rating", "NO_RESPONSE"))));
        List<StatusCount> classes = new ArrayList<>();
        s.classes().forEach((c, n) -> classes.add(new StatusCount(c, l.perUnit(n, null, "replyClass", c))));
        model.addAttribute("classes", classes);

        List<CategoryCount> categories = new ArrayList<>();
        s.byCategory().forEach((c, n) -> categories.add(new CategoryCount(c, l.of(n, f -> f.category(c)))));
        model.addAttribute("categories", categories);
        List<UnitRow> units = s.byUnit().stream().map(u -> unitRow(u, l)).toList();
        model.addAttribute("units", units);
        model.addAttribute("overdueUnits", units.stream().filter(u -> u.overdue().value() > 0)
                .sorted(Comparator.comparing((UnitRow u) -> u.overdue().value()).reversed()).toList());
        model.addAttribute("categoryChart", write(Map.of(
                "labels", categories.stream().map(CategoryCount::category).toList(),
                "series", List.of(series("assigned", categories.stream().map(CategoryCount::figure).toList())))));
        model.addAttribute("unitChart", write(Map.of(
                "labels", units.stream().map(UnitRow::name).toList(),
                "series", List.of(series("assigned", units.stream().map(UnitRow::assigned).toList()),
                        series("replied", units.stream().map(UnitRow::replied).toList()),
                        series("overdue", units.stream().map(UnitRow::overdue).toList())))));
        return "report/dashboard";
    }

    private static UnitRow unitRow(Summary.UnitFigures u, Links l) {
        String unit = u.code();
        Figure replied = l.perUnit(u.replied(), unit, "replied", "true");
        Figure replying = l.perUnit(u.replying(), unit, "replying", "true");
        return new UnitRow(unit, u.name(), l.of(u.assigned(), f -> f.unitAssigned(unit)), replying, replied,
                l.perUnit(u.onTime(), unit, "onTime", "true"), l.perUnit(u.faceToFace(), unit, "faceToFace", "true"),
                l.perUnit(u.overdue(), unit, "overdue", "true"), l.perUnit(u.reHandled(), unit, "reHandled", "true"),
                new Rate(u.replyRate(), replied, replying),
                new Rate(u.faceToFaceRate(), l.perUnit(u.faceToFace(), unit, "faceToFace", "true"), replied),
                new Rate(u.satisfiedOrBasicallyRate(), l.perUnit(u.satisfied() + u.basicallySatisfied(), unit, "rating",
                        "SATISFIED,BASICALLY_SATISFIED"), l.perUnit(u.rated(), unit, "rating",
                        "SATISFIED,BASICALLY_SATISFIED,DISSATISFIED")));
    }

    /** One bar series of a chart: its name in the page's language, values and links. */
    private Map<String, Object> series(String name, List<Figure> figures) {
        return Map.of("name", messages.getMessage("dashboard.chart." + name, null, LocaleContextHolder.getLocale()),
                "values", figures.stream().map(Figure::value).toList(),
                "links", figures.stream().map(f -> f.link() == null ? "" : f.link()).toList());
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Figures with their links, or without when the user may not follow them. */
    private record Links(FigureLinks links) {

        Figure of(long value, java.util.function.Function<FigureLinks, String> link) {
            return new Figure(value, links == null ? null : link.apply(links));
        }

        Figure perUnit(long value, String unit, String filter, String filterValue) {
            return of(value, f -> f.perUnit(unit, filter, filterValue));
        }
    }
}
