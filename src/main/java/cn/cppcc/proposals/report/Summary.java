package cn.cppcc.proposals.report;

import cn.cppcc.proposals.unithandling.Rating;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/reports/summary}: the figures of DOMAIN.md "What is counted" (API.md's fields
 * first, then additions). Counts of unit assignments count each one once; a reassigned one not at
 * all; a co-unit only under {@code assigned} of its unit.
 *
 * <p>Rates are fractions from 0 to 1 and {@code null} (never left out) when there is nothing to
 * divide by: no replying assignment, no reply or no rating yet is "no figure", not 0%.
 *
 * @param assigned proposals assigned to at least one unit (not counting units reassigned away)
 * @param byCategory {@code assigned} per category, in the catalog's order, every category listed
 * @param classes unit assignments by the class of their latest sent reply, every configured class listed
 * @param overdue replying assignments without a reply sent in their current round whose deadline has passed
 * @param reHandled assignments handled again after DISSATISFIED (round 2 or later)
 * @param handled assigned proposals every replying unit of which has sent a reply 已办复
 * @param unitAssignments unit assignments counted, co-units included
 * @param replying unit assignments that owe a reply (co-units do not): the denominator of the reply rate
 * @param rated assignments whose latest rating is SATISFIED, BASICALLY_SATISFIED or DISSATISFIED
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Summary(long submitted, long filed, long rejected, long converted, long merged, long withdrawn, long assigned,
               Map<String, Long> byCategory, List<UnitFigures> byUnit, Double replyRate, Double onTimeReplyRate,
               Double faceToFaceRate, Double satisfiedRate, Double satisfiedOrBasicallyRate, long noResponse,
               Map<String, Long> classes, long overdue, long reHandled,
               long handled, long unitAssignments, long replying, long replied, long onTime, long faceToFace,
               long rated, long satisfied, long basicallySatisfied, long dissatisfied, ReportPeriod period) {

    /** One unit's figures; the rates are over its own replying assignments. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitFigures(String code, String name, long assigned, long replied, long onTime, long faceToFace,
                       long satisfied, long basicallySatisfied, long dissatisfied, long noResponse,
                       long replying, long rated, long overdue, long reHandled, Map<String, Long> classes,
                       Double replyRate, Double onTimeReplyRate, Double faceToFaceRate, Double satisfiedRate,
                       Double satisfiedOrBasicallyRate) {

        static UnitFigures of(String code, String name, Tally t) {
            return new UnitFigures(code, name, t.assigned, t.replied, t.onTime, t.faceToFace, t.satisfied,
                    t.basicallySatisfied, t.dissatisfied, t.noResponse, t.replying, t.rated(), t.overdue, t.reHandled,
                    t.classes, t.replyRate(), t.onTimeReplyRate(), t.faceToFaceRate(), t.satisfiedRate(),
                    t.satisfiedOrBasicallyRate());
        }
    }

    /**
     * Puts the query results together.
     *
     * @param categories the catalog's categories in order
     * @param classCodes the configured reply classes in order
     * @param unitNames unit code to name, in the order units are listed
     */
    static Summary assemble(ReportPeriod period, ReportQueries.ProposalCounts proposals,
            Collection<ReportQueries.CategoryCount> byCategory, Collection<ReportQueries.AssignmentCount> assignments,
            List<String> categories, List<String> classCodes, Map<String, String> unitNames) {
        Map<String, Long> categoryCounts = new LinkedHashMap<>();
        categories.forEach(c -> categoryCounts.put(c, 0L));
        long assigned = 0;
        long handled = 0;
        for (ReportQueries.CategoryCount row : byCategory) {
            categoryCounts.merge(row.category() == null ? "未分类" : row.category(), row.assigned(), Long::sum);
            assigned += row.assigned();
            handled += row.handled();
        }

        Map<String, Tally> units = new TreeMap<>();
        for (ReportQueries.AssignmentCount row : assignments) {
            units.computeIfAbsent(row.unit(), u -> new Tally(classCodes)).add(row);
        }
        Tally total = new Tally(classCodes);
        List<UnitFigures> byUnit = new ArrayList<>();
        List<String> order = new ArrayList<>(unitNames.keySet());
        units.keySet().stream().filter(code -> !unitNames.containsKey(code)).forEach(order::add);
        for (String code : order) {
            Tally tally = units.get(code);
            if (tally != null) {
                byUnit.add(UnitFigures.of(code, unitNames.getOrDefault(code, code), tally));
                total.add(tally);
            }
        }
        return new Summary(proposals.submitted(), proposals.filed(), proposals.rejected(), proposals.converted(),
                proposals.merged(), proposals.withdrawn(), assigned, categoryCounts, byUnit, total.replyRate(),
                total.onTimeReplyRate(), total.faceToFaceRate(), total.satisfiedRate(), total.satisfiedOrBasicallyRate(),
                total.noResponse, total.classes, total.overdue, total.reHandled, handled, total.assigned,
                total.replying, total.replied, total.onTime, total.faceToFace, total.rated(), total.satisfied,
                total.basicallySatisfied, total.dissatisfied, period);
    }

    /** A fraction, or {@code null} when the denominator is 0. */
    static Double rate(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }

    /** Sums of unit assignments. */
    static final class Tally {
        long assigned;
        long replying;
        long replied;
        long onTime;
        long faceToFace;
        long satisfied;
        long basicallySatisfied;
        long dissatisfied;
        long noResponse;
        long overdue;
        long reHandled;
        final Map<String, Long> classes = new LinkedHashMap<>();

        Tally(List<String> classCodes) {
            classCodes.forEach(c -> classes.put(c, 0L));
        }

        void add(ReportQueries.AssignmentCount row) {
            assigned += row.assignments();
            if (!row.replying()) {
                return; // a co-unit sends an opinion, not a reply: in none of the rates
            }
            replying += row.assignments();
            replied += row.replied();
            onTime += row.onTime();
            faceToFace += row.faceToFace();
            overdue += row.overdue();
            reHandled += row.reHandled();
            if (row.classification() != null) {
                classes.merge(row.classification(), row.assignments(), Long::sum);
            }
            if (row.rating() != null) {
                switch (Rating.valueOf(row.rating())) {
                    case SATISFIED -> satisfied += row.assignments();
                    case BASICALLY_SATISFIED -> basicallySatisfied += row.assignments();
                    case DISSATISFIED -> dissatisfied += row.assignments();
                    case NO_RESPONSE -> noResponse += row.assignments();
                }
            }
        }

        void add(Tally other) {
            assigned += other.assigned;
            replying += other.replying;
            replied += other.replied;
            onTime += other.onTime;
            faceToFace += other.faceToFace;
            satisfied += other.satisfied;
            basicallySatisfied += other.basicallySatisfied;
            dissatisfied += other.dissatisfied;
            noResponse += other.noResponse;
            overdue += other.overdue;
            reHandled += other.reHandled;
            other.classes.forEach((code, n) -> classes.merge(code, n, Long::sum));
        }

        /** NO_RESPONSE is no rating. */
        long rated() {
            return satisfied + basicallySatisfied + dissatisfied;
        }

        Double replyRate() {
            return rate(replied, replying);
        }

        Double onTimeReplyRate() {
            return rate(onTime, replied);
        }

        Double faceToFaceRate() {
            return rate(faceToFace, replied);
        }

        Double satisfiedRate() {
            return rate(satisfied, rated());
        }

        Double satisfiedOrBasicallyRate() {
            return rate(satisfied + basicallySatisfied, rated());
        }
    }
}
