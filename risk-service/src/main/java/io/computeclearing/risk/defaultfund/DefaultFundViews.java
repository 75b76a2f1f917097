package io.computeclearing.risk.defaultfund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the default fund API answers. Amounts in the fund's currency (USD), scale 2, unless named otherwise. */
public final class DefaultFundViews {

    private DefaultFundViews() {
    }

    /**
     * A sizing: the period's daily runs it read, the largest Cover-2 (and which run set it), the buffer and floor
     * applied, and the fund, in force from {@code effectiveDate} until the next sizing. {@code buffered} is exact.
     */
    public record Sizing(long sizingId, LocalDate effectiveDate, LocalDate periodFrom, LocalDate periodTo, int runs,
                         String reason, String requestedBy, String currency, String riskMeasure, BigDecimal maxCover2,
                         long maxCover2RunId, LocalDate maxCover2Date, BigDecimal buffer, BigDecimal buffered,
                         BigDecimal minimum, boolean minimumApplied, BigDecimal minimumContribution,
                         BigDecimal fundSize, int members, Instant sizedAt) {
    }

    /** A sizing with every member's required contribution, by member id; they add up to the fund. */
    public record SizingView(Sizing sizing, List<MemberContribution> contributions) {
    }

    /**
     * A member's required contribution: {@code amount = minimum + proRata}, the share allocated by its risk measure
     * (its average over the period, exact: only the ratios between members matter).
     */
    public record MemberContribution(String memberId, BigDecimal measure, BigDecimal minimum, BigDecimal proRata,
                                     BigDecimal amount) {
    }

    /** One member's line of a sizing, as the member reads it. */
    public record MemberLine(long sizingId, LocalDate effectiveDate, String currency, String riskMeasure,
                             BigDecimal fundSize, MemberContribution contribution) {
    }

    /** A daily run whose Cover-2 exceeded the fund in force, and the resize it led to (if made). */
    public record Shortfall(long runId, LocalDate businessDate, long sizingId, String currency, BigDecimal fundSize,
                            BigDecimal cover2, BigDecimal shortfall, Instant detectedAt, Long resizeSizingId,
                            String resizeRefused) {
    }

    /**
     * The fund in force (null before the first sizing), the latest shortfall against it (null when the fund covers
     * every daily run since), and the CCP's own tranche, which it puts in before the surviving members'
     * contributions: as configured, what default waterfalls drew from it, and what is left.
     */
    public record FundStatus(String currency, Sizing inForce, Shortfall shortfall, BigDecimal ccpTranche,
                             BigDecimal ccpTrancheDrawn, BigDecimal ccpTrancheLeft) {
    }
}
