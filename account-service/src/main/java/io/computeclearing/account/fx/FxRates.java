package io.computeclearing.account.fx;

import io.computeclearing.account.collateral.CollateralPolicy;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * FX rates between accepted currencies, kept as history; the latest as-of time counts. Every rate recorded is
 * published (FxRateRecorded, key {@code BASE/QUOTE}) in the same transaction, for the services that convert with it.
 */
@ApplicationScoped
@Transactional
public class FxRates {

    private final CollateralPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    public FxRates(CollateralPolicy policy, Outbox outbox, Clock clock) {
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records that one {@code base} costs {@code rate} {@code quote} as of {@code asOf} (now when null). */
    public FxRate set(String base, String quote, BigDecimal rate, Instant asOf, String recordedBy) {
        policy.requireCurrency("base", base);
        policy.requireCurrency("quote", quote);
        if (base.equals(quote)) {
            throw ProblemException.invalid("quote", "must differ from the base currency");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        FxRate fx = new FxRate();
        fx.baseCurrency = base;
        fx.quoteCurrency = quote;
        fx.rate = rate;
        fx.asOf = asOf == null ? now : asOf.truncatedTo(ChronoUnit.MICROS);
        fx.recordedBy = recordedBy;
        fx.recordedAt = now;
        fx.persist();
        outbox.record(AccountEvents.FX_RATE_RECORDED, base + "/" + quote, new AccountEvents.FxRateRecorded(
                base, quote, fx.rate, fx.asOf, fx.recordedAt));
        return fx;
    }

    /** Every rate recorded for the pair as quoted, newest as-of first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FxRate> history(String base, String quote) {
        return FxRate.history(base, quote);
    }

    /** The latest rate of each quoted pair. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FxRate> latest() {
        return FxRate.latestPerPair();
    }
}
