package cn.cppcc.proposals.calendar;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.FieldError;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/calendar/{year}}: everyone reads, admins replace a year's holidays and make-up days. */
@RestController
class CalendarController {

    private final WorkingDayCalendar calendar;
    private final CurrentActor currentActor;

    CalendarController(WorkingDayCalendar calendar, CurrentActor currentActor) {
        this.calendar = calendar;
        this.currentActor = currentActor;
    }

    record YearView(int year, List<CalendarDay> days) {}

    @GetMapping("/api/calendar/{year}")
    YearView year(@PathVariable int year) {
        checkYear(year);
        return new YearView(year, calendar.year(year));
    }

    /** Body: {@code {days: [{day: "2027-01-01", kind: "OFF", holiday: "元旦"}, ...]}}. */
    @PutMapping("/api/calendar/{year}")
    YearView replace(@PathVariable int year, @RequestBody Map<String, Object> body) {
        if (!currentActor.get().isIn(Actor.ADMINS)) {
            throw new ForbiddenException("只有系统管理员可以修改日历");
        }
        checkYear(year);
        if (!(body.get("days") instanceof List<?> raw)) {
            throw new InvalidInputException("days", "必须是日期列表");
        }
        List<CalendarDay> days = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String prefix = "days[" + i + "].";
            if (!(raw.get(i) instanceof Map<?, ?> item)) {
                errors.add(new FieldError("days[" + i + "]", "必须是对象"));
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                CalendarDay day = WorkingDayCalendar.readDay((Map<String, ?>) item, year, seen);
                days.add(day);
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        calendar.replaceYear(year, days);
        return new YearView(year, calendar.year(year));
    }

    private static void checkYear(int year) {
        WorkingDayCalendar.checkYear(year);
    }
}
