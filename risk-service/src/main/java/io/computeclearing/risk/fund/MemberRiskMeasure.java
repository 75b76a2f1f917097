package io.computeclearing.risk.fund;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * One member's risk measure for the allocation, zero or more. Only the ratios between members matter, so the measure
 * may carry any number of decimals; it is never rounded.
 */
public record MemberRiskMeasure(String memberId, BigDecimal measure) {

    public MemberRiskMeasure {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(measure, "measure");
        if (memberId.isBlank()) {
            throw new IllegalArgumentException("a member id cannot be blank");
        }
        if (measure.signum() < 0) {
            throw new IllegalArgumentException("member " + memberId + " has a negative risk measure: "
                    + measure.toPlainString());
        }
    }

    /**
     * The average of a member's daily values over the period (its uncovered stress losses or initial margins), to 34
     * significant digits ({@link MathContext#DECIMAL128}): the days it was a member, at least one.
     */
    public static MemberRiskMeasure average(String memberId, List<BigDecimal> dailyValues) {
        if (dailyValues.isEmpty()) {
            throw new IllegalArgumentException("member " + memberId + " has no daily values to average");
        }
        BigDecimal sum = dailyValues.stream().map(v -> Objects.requireNonNull(v, "daily value"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MemberRiskMeasure(memberId,
                sum.divide(BigDecimal.valueOf(dailyValues.size()), MathContext.DECIMAL128));
    }
}
