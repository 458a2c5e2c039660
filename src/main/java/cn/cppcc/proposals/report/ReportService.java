package cn.cppcc.proposals.report;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.proposal.ProposerType;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports' figures, read in one read-only transaction each: the service behind
 * {@code /api/reports/**} and the pages (dashboard, reports).
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    private final ReportQueries queries;
    private final Catalog catalog;
    private final Directory directory;
    private final ProposalClock clock;
    private final ProposalSettings settings;
    private final RankingSettings ranking;
    private final ReportSettings report;
    private final ReportParameters parameters;

    ReportService(ReportQueries queries, Catalog catalog, Directory directory, ProposalClock clock,
            ProposalSettings settings, RankingSettings ranking, ReportSettings report, ReportParameters parameters) {
        this.parameters = parameters;
        this.queries = queries;
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
        this.ranking = ranking;
        this.report = report;
    }

    /** One member's record 履职档案: proposals led 领衔, joined 联名, and filed 立案 of either. */
    public record MemberFigures(String user, String name, long led, long joined, long filed) {}

    /** The annual report: its paragraph and the figures behind it. */
    public record AnnualReport(int year, String text, Summary summary, UnitRanking.Ranking ranking) {}

    /** Proposals of one proposer type 提案者类型, submitted and filed in the period. */
    public record ProposerTypeFigures(String proposerType, long submitted, long filed) {}

    /** The office, auditors and supervisors read the reports; others are refused. */
    public void requireReader(Actor actor) {
        if (!mayRead(actor)) {
            throw new ForbiddenException("只有提案委员会、审计监督人员和督办领导可以查看统计");
        }
    }

    public static boolean mayRead(Actor actor) {
        return actor.isOffice() || actor.isIn(Actor.AUDITORS) || actor.isIn(Actor.SUPERVISORS);
    }

    /**
     * The period of query parameters {@code session}, {@code year}, {@code from}/{@code to},
     * {@code unit}, {@code category}; bad ones fail naming the field. None: everything, unless
     * {@code periodRequired}.
     */
    public ReportPeriod period(Map<String, String> query, boolean periodRequired) {
        return parameters.read(query, periodRequired);
    }

    /** The one year of {@code year} (required), for the annual report. */
    public int year(Map<String, String> query) {
        return parameters.requiredYear(query);
    }

    public Summary summary(ReportPeriod period) {
        return Summary.assemble(period, queries.proposalCounts(period), queries.assignedByCategory(period),
                queries.assignmentCounts(period, clock.today(), clock.zone()),
                catalog.categories().stream().map(Category::getName).toList(), classCodes(), unitNames());
    }

    /** The proposals submitted in the period (or of the session) by their status now, every status listed in order. */
    public Map<String, Long> byStatus(ReportPeriod period) {
        Map<String, Long> counts = queries.byStatus(period);
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (ProposalStatus status : ProposalStatus.values()) {
            ordered.put(status.name(), counts.getOrDefault(status.name(), 0L));
        }
        return ordered;
    }

    /** Every proposer type, in the order of {@link ProposerType}. */
    public List<ProposerTypeFigures> byProposerType(ReportPeriod period) {
        Map<String, ReportQueries.ProposerTypeCount> counts = new HashMap<>();
        queries.byProposerType(period).forEach(c -> counts.put(c.proposerType(), c));
        return Arrays.stream(ProposerType.values()).map(type -> {
            ReportQueries.ProposerTypeCount c = counts.get(type.name());
            return new ProposerTypeFigures(type.name(), c == null ? 0 : c.submitted(), c == null ? 0 : c.filed());
        }).toList();
    }

    public UnitRanking.Ranking ranking(ReportPeriod period) {
        UnitRanking.Weights weights = UnitRanking.Weights.of(ranking.weights());
        return new UnitRanking.Ranking(period, weights, UnitRanking.rank(summary(period).byUnit(), weights));
    }

    public AnnualReport annual(int year) {
        return annual(parameters.ofYear(year));
    }

    AnnualReport annual(ReportPeriod year) {
        Summary summary = summary(year);
        UnitRanking.Weights weights = UnitRanking.Weights.of(ranking.weights());
        return new AnnualReport(year.year(), AnnualReportText.of(year.year(), report.committeeName(), summary), summary,
                new UnitRanking.Ranking(year, weights, UnitRanking.rank(summary.byUnit(), weights)));
    }

    /** Every member of the committee, also those without proposals, most proposals first. */
    public List<MemberFigures> members(ReportPeriod period) {
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

    /** The configured reply classes and their labels, in order. */
    public Map<String, String> classLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        settings.reply().classes().forEach(c -> labels.put(c.code(), c.label()));
        return labels;
    }

    ZoneId zone() {
        return clock.zone();
    }
}
