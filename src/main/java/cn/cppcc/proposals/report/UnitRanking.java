package cn.cppcc.proposals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The yearly ranking of handling units 先进承办单位: a score that weighs the on-time reply rate, the
 * face-to-face rate 见面率 and 满意率和基本满意率, best first.
 *
 * <p>A rate a unit has no figure for (no rating yet, say) counts as 0: a unit cannot rise by lacking
 * evidence. Units without any reply have no score and come last. Scores are rounded to 4 decimals
 * before they are compared, so that equal rates give equal scores; equal scores share their rank
 * (1, 2, 2, 4) and are listed by more replies first, then by unit code.
 */
public final class UnitRanking {

    static final int SCALE = 4;

    private UnitRanking() {
    }

    /** One unit's place. {@code rank} and {@code score} are {@code null} for a unit without replies. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RankedUnit(Integer rank, String code, String name, long replying, long replied, Double onTimeReplyRate,
                      Double faceToFaceRate, Double satisfiedOrBasicallyRate, Double score) {}

    public record Weights(double onTime, double faceToFace, double satisfaction) {
        static Weights of(RankingSettings.Weights settings) {
            return new Weights(settings.onTime(), settings.faceToFace(), settings.satisfaction());
        }
    }

    public record Ranking(ReportPeriod period, Weights weights, List<RankedUnit> units) {}

    static List<RankedUnit> rank(List<Summary.UnitFigures> units, Weights weights) {
        List<RankedUnit> unranked = new ArrayList<>();
        for (Summary.UnitFigures unit : units) {
            unranked.add(new RankedUnit(null, unit.code(), unit.name(), unit.replying(), unit.replied(),
                    unit.onTimeReplyRate(), unit.faceToFaceRate(), unit.satisfiedOrBasicallyRate(),
                    unit.replied() == 0 ? null : score(unit, weights)));
        }
        unranked.sort(Comparator.comparing(RankedUnit::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(RankedUnit::replied, Comparator.reverseOrder())
                .thenComparing(RankedUnit::code));
        List<RankedUnit> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            RankedUnit unit = unranked.get(i);
            Integer rank = null;
            if (unit.score() != null) {
                rank = i > 0 && unit.score().equals(unranked.get(i - 1).score()) ? ranked.get(i - 1).rank() : i + 1;
            }
            ranked.add(new RankedUnit(rank, unit.code(), unit.name(), unit.replying(), unit.replied(),
                    unit.onTimeReplyRate(), unit.faceToFaceRate(), unit.satisfiedOrBasicallyRate(), unit.score()));
        }
        return ranked;
    }

    static double score(Summary.UnitFigures unit, Weights weights) {
        double score = weights.onTime() * orZero(unit.onTimeReplyRate())
                + weights.faceToFace() * orZero(unit.faceToFaceRate())
                + weights.satisfaction() * orZero(unit.satisfiedOrBasicallyRate());
        return BigDecimal.valueOf(score).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    private static double orZero(Double rate) {
        return rate == null ? 0 : rate;
    }
}
