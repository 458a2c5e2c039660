package cn.cppcc.proposals.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The weights of the yearly ranking of handling units 先进承办单位, bound from
 * {@code proposals.ranking.weights}: each at least 0, together 1, so that a score is a fraction
 * like the rates it weighs.
 */
@Validated
@ConfigurationProperties("proposals.ranking")
public record RankingSettings(@Valid @NotNull Weights weights) {

    /**
     * @param onTime weight of the on-time reply rate
     * @param faceToFace weight of the face-to-face rate 见面率
     * @param satisfaction weight of 满意率和基本满意率
     */
    public record Weights(@PositiveOrZero double onTime, @PositiveOrZero double faceToFace,
                          @PositiveOrZero double satisfaction) {

        static final double TOLERANCE = 1e-9;

        @AssertTrue(message = "on-time, face-to-face and satisfaction must add up to 1")
        public boolean isSumOfOne() {
            return Math.abs(onTime + faceToFace + satisfaction - 1) < TOLERANCE;
        }
    }
}
