package cn.cppcc.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rule 13 with the State Council's arrangements as shipped (HOLIDAYS.md): every holiday and
 * make-up working day of 2025 and 2026, and working days counted across them.
 */
class WorkingDayCalendarIntegrationTest extends IntegrationTestSupport {

    @Autowired
    WorkingDayCalendar calendar;

    static List<String> days(String from, String to) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        return days;
    }

    @Test
    void theShippedYearsHoldExactlyThePublishedArrangements() {
        List<String> off2025 = new ArrayList<>(List.of("2025-01-01"));
        off2025.addAll(days("2025-01-28", "2025-02-04"));
        off2025.addAll(days("2025-04-04", "2025-04-06"));
        off2025.addAll(days("2025-05-01", "2025-05-05"));
        off2025.addAll(days("2025-05-31", "2025-06-02"));
        off2025.addAll(days("2025-10-01", "2025-10-08"));
        List<String> off2026 = new ArrayList<>(days("2026-01-01", "2026-01-03"));
        off2026.addAll(days("2026-02-15", "2026-02-23"));
        off2026.addAll(days("2026-04-04", "2026-04-06"));
        off2026.addAll(days("2026-05-01", "2026-05-05"));
        off2026.addAll(days("2026-06-19", "2026-06-21"));
        off2026.addAll(days("2026-09-25", "2026-09-27"));
        off2026.addAll(days("2026-10-01", "2026-10-07"));

        assertYear(2025, off2025, List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"));
        assertYear(2026, off2026, List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"));
    }

    void assertYear(int year, List<String> off, List<String> work) {
        JsonNode days = api.get("member1", "/api/calendar/" + year).body().get("days");
        List<String> shippedOff = new ArrayList<>();
        List<String> shippedWork = new ArrayList<>();
        days.forEach(day -> (day.get("kind").asText().equals("OFF") ? shippedOff : shippedWork).add(day.get("day").asText()));
        assertThat(shippedOff).as("holidays of %d", year).containsExactlyInAnyOrderElementsOf(off);
        assertThat(shippedWork).as("make-up working days of %d", year).containsExactlyInAnyOrderElementsOf(work);
    }

    @Test
    void workingDaysSkipHolidaysAndWeekendsAndCountMakeUpDays() {
        // HOLIDAYS.md's check: 02-14 (Saturday) is worked, 02-15 … 02-23 are off
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-02-13"), 5)).isEqualTo("2026-02-27");
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-02-13"), 1)).isEqualTo("2026-02-14");
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-02-27"), 1)).isEqualTo("2026-02-28");
        // National Day: the Sunday before is worked, the week off, the Saturday after worked
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-09-18"), 1)).isEqualTo("2026-09-20");
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-09-24"), 1)).isEqualTo("2026-09-28");
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-09-30"), 1)).isEqualTo("2026-10-08");
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-09-30"), 3)).isEqualTo("2026-10-10");
        assertThat(calendar.workingDays().add(LocalDate.parse("2025-12-31"), 1)).isEqualTo("2026-01-04");
        // the review's 15 working days (rule 2) across the Spring Festival of 2025
        assertThat(calendar.workingDays().add(LocalDate.parse("2025-01-20"), 15)).isEqualTo("2025-02-14");
        // an ordinary stretch: weekends only
        assertThat(calendar.workingDays().add(LocalDate.parse("2026-03-06"), 5)).isEqualTo("2026-03-13");
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.parse("2026-10-09"))).isTrue();
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
    }
}
