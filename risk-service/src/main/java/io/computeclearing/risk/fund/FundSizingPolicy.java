package io.computeclearing.risk.fund;

import io.computeclearing.platform.money.MinorUnits;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * How the default fund is sized, by configuration: {@code fund = max(max Cover-2 x (1 + buffer), minimum)}.
 *
 * @param currency the reporting currency Cover-2 and the fund are in (USD)
 * @param buffer   the margin over Cover-2, a fraction ({@code 0.10} is 10 %), zero or more
 * @param minimum  the floor under the fund, zero or more, in whole minor units
 */
public record FundSizingPolicy(Currency currency, BigDecimal buffer, BigDecimal minimum) {

    public FundSizingPolicy {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(minimum, "minimum");
        if (buffer.signum() < 0) {
            throw new IllegalArgumentException("the fund buffer cannot be negative: " + buffer.toPlainString());
        }
        if (minimum.signum() < 0) {
            throw new IllegalArgumentException("the fund minimum cannot be negative: " + minimum.toPlainString());
        }
        new MinorUnits(currency).of(minimum, "the fund minimum");
    }
}
