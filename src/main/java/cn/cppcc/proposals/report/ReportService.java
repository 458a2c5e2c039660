package cn.cppcc.proposals.report;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reports' figures, read in one read-only transaction each. */
@Service
@Transactional(readOnly = true)
class ReportService {

    private final ReportQueries queries;
    private final Catalog catalog;
    private final Directory directory;
    private final ProposalClock clock;
    private final ProposalSettings settings;
    private final RankingSettings ranking;
    private final ReportSettings report;

    ReportService(ReportQueries queries, Catalog catalog, Directory directory, ProposalClock clock,
            ProposalSettings settings, RankingSettings ranking, ReportSettings report) {
        this.queries = queries;
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
        this.ranking = ranking;
        this.report = report;
    }

    /** One member's record 履职档案: proposals led 领衔, joined 联名, and filed 立案 of either. */
    record MemberFigures(String user, String name, long led, long joined, long filed) {}

    /** The annual report: its paragraph and the figures behind it. */
    record AnnualReport(int year, String text, Summary summary, UnitRanking.Ranking ranking) {}

    Summary summary(ReportPeriod period) {
        return Summary.assemble(period, queries.proposalCounts(period), queries.assignedByCategory(period),
                queries.assignmentCounts(period, clock.today(), clock.zone()),
                catalog.categories().stream().map(Category::getName).toList(), classCodes(), unitNames());
    }

    UnitRanking.Ranking ranking(ReportPeriod period) {
        UnitRanking.Weights weights = UnitRanking.Weights.of(ranking.weights());
        return new UnitRanking.Ranking(period, weights, UnitRanking.rank(summary(period).byUnit(), weights));
    }

    AnnualReport annual(ReportPeriod year) {
        Summary summary = summary(year);
        UnitRanking.Weights weights = UnitRanking.Weights.of(ranking.weights());
        return new AnnualReport(year.year(), AnnualReportText.of(year.year(), report.committeeName(), summary), summary,
                new UnitRanking.Ranking(year, weights, UnitRanking.rank(summary.byUnit(), weights)));
    }

    /** Every member of the committee, also those without proposals, most proposals first. */
    List<MemberFigures> members(ReportPeriod period) {
        Map<String, ReportQueries.MemberCount> counts = new HashMap<>();
        queries.memberCounts(period).forEach(c -> counts.put(c.user(), c));
        Map<String, String> names = new LinkedHashMap<>();
        for (User user : directory.membersOf(Actor.MEMBERS)) {
            names.put(user.getId(), directory.displayName(user.getId()));
        }
        counts.keySet().forEach(user -> names.computeIfAbsent(user, directory::displayName));
        return names.entrySet().stream()
                .map(e -> {
                    ReportQueries.MemberCount c = counts.get(e.getKey());
                    return c == null ? new MemberFigures(e.getKey(), e.getValue(), 0, 0, 0)
                            : new MemberFigures(e.getKey(), e.getValue(), c.led(), c.joined(), c.filed());
                })
                .sorted(Comparator.comparing(MemberFigures::led, Comparator.reverseOrder())
                        .thenComparing(MemberFigures::joined, Comparator.reverseOrder())
                        .thenComparing(MemberFigures::filed, Comparator.reverseOrder())
                        .thenComparing(MemberFigures::user))
                .toList();
    }

    List<ReportQueries.RegisterRow> register(ReportPeriod period) {
        return queries.register(period);
    }

    String displayName(String userId) {
        return directory.displayName(userId);
    }

    Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        catalog.units().forEach(u -> names.put(u.getCode(), u.getName()));
        return names;
    }

    List<String> classCodes() {
        return settings.reply().classes().stream().map(ProposalSettings.ReplyClass::code).toList();
    }

    Map<String, String> classLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        settings.reply().classes().forEach(c -> labels.put(c.code(), c.label()));
        return labels;
    }

    ZoneId zone() {
        return clock.zone();
    }
}
