package cn.cppcc.proposals.web.report;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.shared.ProposalClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The periods the figure pages offer: the sessions, the years, and by default the current session. */
@Component
class PeriodChoice {

    static final List<String> PERIOD_PARAMETERS = List.of("session", "year", "from", "to");

    private final Catalog catalog;
    private final ProposalClock clock;

    PeriodChoice(Catalog catalog, ProposalClock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Newest first. */
    List<CommitteeSession> sessions() {
        return catalog.sessions().stream()
                .sorted((a, b) -> a.getYear() != b.getYear() ? Integer.compare(b.getYear(), a.getYear())
                        : b.getId().compareTo(a.getId()))
                .toList();
    }

    /**
     * The year the year choice shows when none is chosen: this year (in December the coming
     * session's year is already listed, but the figures people want are this year's).
     */
    int thisYear() {
        return clock.today().getYear();
    }

    /** The sessions' years and this year, newest first. */
    List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        catalog.sessions().forEach(s -> years.add(s.getYear()));
        years.add(clock.today().getYear());
        return List.copyOf(years.descendingSet());
    }

    /**
     * The query's parameters named in {@code kept}, and when it names no period the current session
     * (this year when there is none).
     */
    Map<String, String> withDefault(Map<String, String> query, List<String> kept) {
        Map<String, String> chosen = new LinkedHashMap<>();
        kept.forEach(name -> {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                chosen.put(name, value);
            }
        });
        if (PERIOD_PARAMETERS.stream().noneMatch(chosen::containsKey)) {
            chosen.putAll(defaultPeriod());
        }
        return chosen;
    }

    Map<String, String> defaultPeriod() {
        return catalog.currentSession().map(s -> Map.of("session", s.getCode()))
                .orElseGet(() -> Map.of("year", String.valueOf(clock.today().getYear())));
    }
}
