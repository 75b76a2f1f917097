package io.computeclearing.risk.fund;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A sized default fund with how it was reached.
 *
 * @param currency       the reporting currency
 * @param maxCover2      the Cover-2 it was sized on (the maximum over scenarios), as given
 * @param buffer         the buffer applied
 * @param buffered       {@code maxCover2 x (1 + buffer)}, exact
 * @param minimum        the floor
 * @param amount         the fund: the larger of {@code buffered} and {@code minimum}, rounded UP to the minor unit
 * @param minimumApplied whether the floor set the fund
 */
public record FundSize(Currency currency, BigDecimal maxCover2, BigDecimal buffer, BigDecimal buffered,
                       BigDecimal minimum, BigDecimal amount, boolean minimumApplied) {

    public FundSize {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(maxCover2, "maxCover2");
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(buffered, "buffered");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(amount, "amount");
    }
}
