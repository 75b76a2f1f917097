package io.computeclearing.account.fx;

import io.computeclearing.account.collateral.CollateralPolicy;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** FX rates between accepted currencies, kept as history; the latest as-of time counts. */
@ApplicationScoped
@Transactional
public class FxRates {

    private final CollateralPolicy policy;
    private final Clock clock;

    public FxRates(CollateralPolicy policy, Clock clock) {
        this.policy = policy;
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
