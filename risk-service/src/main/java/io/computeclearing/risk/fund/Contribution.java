package io.computeclearing.risk.fund;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A member's required default fund contribution, at the currency's scale: {@code amount = minimum + proRata}.
 *
 * @param memberId the member
 * @param measure  the risk measure it was allocated by
 * @param minimum  the fixed minimum every member pays
 * @param proRata  its share of the rest, apportioned by largest remainder
 * @param amount   the contribution required
 */
public record Contribution(String memberId, BigDecimal measure, BigDecimal minimum, BigDecimal proRata,
                           BigDecimal amount) {

    public Contribution {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(proRata, "proRata");
        Objects.requireNonNull(amount, "amount");
    }
}
