package io.computeclearing.risk.fund;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The default fund shared among the members, ordered by member id. The contributions add up exactly to the fund; the
 * constructor checks it, so no allocation that does not can exist.
 */
public record FundAllocation(Currency currency, BigDecimal fund, List<Contribution> contributions) {

    public FundAllocation {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fund, "fund");
        contributions = List.copyOf(contributions);
        BigDecimal total = contributions.stream().map(Contribution::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(fund) != 0) {
            throw new IllegalStateException("contributions add up to " + total.toPlainString() + ", not the fund "
                    + fund.toPlainString());
        }
    }

    /** One member's contribution. */
    public Optional<Contribution> of(String memberId) {
        return contributions.stream().filter(c -> c.memberId().equals(memberId)).findFirst();
    }
}
