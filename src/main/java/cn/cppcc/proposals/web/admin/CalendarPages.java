package cn.cppcc.proposals.web.admin;

import cn.cppcc.proposals.calendar.CalendarDay;
import cn.cppcc.proposals.calendar.WorkingDayCalendar;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.web.FormValues;
import cn.cppcc.proposals.web.StepRunner;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working-day calendar 工作日历 of a year (Rule 13): its months with the public holidays and the
 * make-up working days 调休, and a form that makes a day a holiday, a make-up working day or an
 * ordinary day again, through {@link WorkingDayCalendar} (the running working-day deadlines move with it).
 */
@Controller
class CalendarPages {

    /** What a day may be made: the two exceptions, or an ordinary day again. */
    static final List<String> KINDS = List.of("OFF", "WORK", "NORMAL");

    private final WorkingDayCalendar calendar;
    private final AdminOnly adminOnly;
    private final StepRunner runner;
    private final ProposalClock clock;

    CalendarPages(WorkingDayCalendar calendar, AdminOnly adminOnly, StepRunner runner, ProposalClock clock) {
        this.calendar = calendar;
        this.adminOnly = adminOnly;
        this.runner = runner;
        this.clock = clock;
    }

    /** One day of a month's grid; {@code day} is {@code null} for the cells before the 1st and after the last. */
    record Cell(LocalDate day, String kind, String holiday, boolean weekend) {}

    /** A month as weeks of seven cells, Monday first. */
    record Month(int month, List<List<Cell>> weeks) {}

    @GetMapping("/admin/calendar")
    String year(@RequestParam(required = false) String year, Model model) {
        adminOnly.require();
        int shown = clock.today().getYear();
        if (year != null && !year.isBlank()) {
            StepRunner.Outcome<Integer> outcome = runner.call(() -> {
                Input input = Input.of(Map.of("year", year));
                Long number = input.number("year");
                input.validate();
                WorkingDayCalendar.checkYear(number > Integer.MAX_VALUE ? Integer.MAX_VALUE : number.intValue());
                return number.intValue();
            });
            if (outcome.ok()) {
                shown = outcome.value();
            } else {
                model.addAttribute("errors", outcome.fieldErrors());
            }
        }
        return page(shown, FormValues.empty().with("kind", "OFF"), model);
    }

    @PostMapping("/admin/calendar/days")
    String mark(@RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes flash) {
        adminOnly.require();
        FormValues form = FormValues.of(values);
        int year = form.get("year") != null && form.get("year").matches("\\d{4}") ? Integer.parseInt(form.get("year"))
                : clock.today().getYear();
        Map<String, Object> fields = form.fields(Set.of());
        StepRunner.Outcome<Void> outcome = runner.run(() -> {
            WorkingDayCalendar.checkYear(year);
            if ("NORMAL".equals(form.get("kind"))) {
                Input input = Input.of(fields);
                LocalDate day = input.requiredDate("day", ZoneOffset.UTC);
                if (day != null && day.getYear() != year) {
                    input.error("day", "不属于" + year + "年");
                }
                input.validate();
                calendar.unmark(day);
            } else {
                calendar.mark(WorkingDayCalendar.readDay(fields, year, null));
            }
        });
        if (outcome.ok()) {
            flash.addFlashAttribute("success", "flash.calendarSaved");
            return "redirect:/admin/calendar?year=" + year;
        }
        model.addAttribute("errors", outcome.fieldErrors());
        model.addAttribute("errorSummary", outcome.summary());
        return page(year, form, model);
    }

    private String page(int year, FormValues form, Model model) {
        List<CalendarDay> exceptions = calendar.year(year);
        model.addAttribute("year", year);
        model.addAttribute("exceptions", exceptions);
        model.addAttribute("months", months(year, exceptions));
        model.addAttribute("form", form);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("weekdays", Arrays.asList(DayOfWeek.values()));
        return "admin/calendar";
    }

    static List<Month> months(int year, List<CalendarDay> exceptions) {
        Map<LocalDate, CalendarDay> byDay = exceptions.stream()
                .collect(Collectors.toMap(CalendarDay::day, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(year, m, 1);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int blank = 1; blank < first.getDayOfWeek().getValue(); blank++) {
                week.add(new Cell(null, null, null, false));
            }
            for (LocalDate day = first; day.getMonthValue() == m; day = day.plusDays(1)) {
                CalendarDay exception = byDay.get(day);
                week.add(new Cell(day, exception == null ? null : exception.kind().name(),
                        exception == null ? null : exception.holiday(),
                        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, null, null, false));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return months;
    }
}
