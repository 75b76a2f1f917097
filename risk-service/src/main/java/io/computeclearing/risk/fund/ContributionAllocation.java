package io.computeclearing.risk.fund;

import io.computeclearing.platform.money.Apportionment;
import io.computeclearing.platform.money.MinorUnits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Each member's required contribution: {@code minimum + (fund - n x minimum) x measure_i / sum(measure)}, in whole
 * minor units, adding up exactly to the fund.
 * <p>
 * The rest after the minimums is apportioned in minor units by the largest remainder method: every member gets the
 * whole cents of its exact share, and the few cents left (fewer than the members) go to the largest fractional parts,
 * equal ones in member id order (string order), so the same inputs always give the same cents. When no member has any
 * risk measure (a period without uncovered losses), the rest is shared equally by the same rule.
 * <p>
 * The fund must be at least {@code n x minimum}; a smaller one is refused rather than silently enlarged, since the fund
 * size is a decision of the sizing (its configured minimum should cover the members' minimums).
 */
public final class ContributionAllocation {

    private static final Comparator<String> MEMBER_ORDER = Comparator.naturalOrder();

    private final MinorUnits units;
    private final BigDecimal minimum;

    /**
     * @param currency the fund's currency
     * @param minimum  the fixed minimum contribution per member, zero or more, in whole minor units
     */
    public ContributionAllocation(Currency currency, BigDecimal minimum) {
        this.units = new MinorUnits(Objects.requireNonNull(currency, "currency"));
        Objects.requireNonNull(minimum, "minimum");
        if (minimum.signum() < 0) {
            throw new IllegalArgumentException("the minimum contribution cannot be negative: "
                    + minimum.toPlainString());
        }
        this.minimum = units.amount(units.of(minimum, "the minimum contribution"));
    }

    /** Allocates a sized fund. */
    public FundAllocation allocate(FundSize fund, List<MemberRiskMeasure> members) {
        if (!fund.currency().equals(units.currency())) {
            throw new IllegalArgumentException("the fund is in " + fund.currency() + ", the allocation in "
                    + units.currency());
        }
        return allocate(fund.amount(), members);
    }

    /** Allocates {@code fund}, zero or more in whole minor units, among {@code members} (distinct ids). */
    public FundAllocation allocate(BigDecimal fund, List<MemberRiskMeasure> members) {
        Objects.requireNonNull(fund, "fund");
        if (fund.signum() < 0) {
            throw new IllegalArgumentException("the fund cannot be negative: " + fund.toPlainString());
        }
        BigInteger fundUnits = units.of(fund, "the fund");
        requireDistinct(members);
        if (members.isEmpty()) {
            if (fundUnits.signum() != 0) {
                throw new IllegalArgumentException("a fund of " + fund.toPlainString() + " has no member to share it");
            }
            return new FundAllocation(units.currency(), units.amount(fundUnits), List.of());
        }
        BigInteger minimumUnits = units.of(minimum, "the minimum contribution");
        BigInteger rest = fundUnits.subtract(minimumUnits.multiply(BigInteger.valueOf(members.size())));
        if (rest.signum() < 0) {
            throw new IllegalArgumentException("the fund " + fund.toPlainString() + " is below " + members.size()
                    + " members x the minimum contribution " + minimum.toPlainString());
        }

        List<MemberRiskMeasure> ordered = members.stream()
                .sorted(Comparator.comparing(MemberRiskMeasure::memberId, MEMBER_ORDER)).toList();
        List<BigInteger> shares = Apportionment.largestRemainder(rest, weights(ordered), MEMBER_ORDER);
        List<Contribution> contributions = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            BigDecimal proRata = units.amount(shares.get(i));
            contributions.add(new Contribution(ordered.get(i).memberId(), ordered.get(i).measure(), minimum, proRata,
                    minimum.add(proRata)));
        }
        return new FundAllocation(units.currency(), units.amount(fundUnits), contributions);
    }

    /** The measures as integers on one common scale (exact), or all ones when every measure is zero. */
    private static List<Apportionment.Share> weights(List<MemberRiskMeasure> members) {
        int scale = members.stream().mapToInt(m -> m.measure().scale()).max().orElse(0);
        int common = Math.max(0, scale);
        boolean anyRisk = members.stream().anyMatch(m -> m.measure().signum() > 0);
        return members.stream().map(m -> new Apportionment.Share(m.memberId(),
                anyRisk ? m.measure().setScale(common).unscaledValue() : BigInteger.ONE)).toList();
    }

    private static void requireDistinct(List<MemberRiskMeasure> members) {
        Set<String> seen = new HashSet<>();
        for (MemberRiskMeasure member : members) {
            Objects.requireNonNull(member, "member");
            if (!seen.add(member.memberId())) {
                throw new IllegalArgumentException("member " + member.memberId() + " appears twice");
            }
        }
    }
}
