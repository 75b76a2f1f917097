package io.computeclearing.account.cover;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.collateral.CollateralPolicy;
import io.computeclearing.account.collateral.CollateralSecurity;
import io.computeclearing.account.collateral.SecurityPrice;
import io.computeclearing.account.fx.FxRate;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.requirement.MarginRequirement;
import io.computeclearing.account.valuation.AccountValuation.HoldingValue;
import io.computeclearing.account.valuation.AccountValuation.RequirementValue;
import io.computeclearing.account.valuation.AccountValuation;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.account.valuation.CollateralValuer;
import io.computeclearing.account.valuation.MarketData;
import io.computeclearing.account.valuation.MissingMarketData;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values accounts with {@link CollateralValuer} (whose Javadoc states the haircut, conversion and rounding rules)
 * against the latest prices, FX rates and margin requirement, and guards withdrawals: collateral may leave an account
 * only out of its excess.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CollateralValuation {

    /** An account's collateral statement now; amounts in {@code baseCurrency} unless a line says otherwise. */
    public record Balances(String accountId, String baseCurrency, Instant valuedAt, Instant requirementCalculatedAt,
                           List<HoldingValue> holdings, BigDecimal collateralValue,
                           List<RequirementValue> requirements, BigDecimal marginRequirement, BigDecimal excess) {
    }

    private static final MarketData LATEST = new MarketData() {
        @Override
        public Optional<SecurityQuote> security(String securityId) {
            CollateralSecurity security = CollateralSecurity.findById(securityId);
            return security == null ? Optional.empty() : SecurityPrice.latest(securityId).map(p ->
                    new SecurityQuote(securityId, security.assetType, security.currency, p.price, p.asOf));
        }

        @Override
        public Optional<FxQuote> fxRate(String currency, String otherCurrency) {
            return FxRate.latestBetween(currency, otherCurrency)
                    .map(r -> new FxQuote(r.baseCurrency, r.quoteCurrency, r.rate, r.asOf));
        }
    };

    private final CollateralValuer valuer;
    private final Clock clock;

    public CollateralValuation(CollateralPolicy policy, Clock clock) {
        this.valuer = new CollateralValuer(policy.haircuts());
        this.clock = clock;
    }

    public Balances balances(Account account) {
        MarginRequirement requirement = MarginRequirement.findById(account.id);
        AccountValuation valuation = value(account, JournalPosting.holdings(account.id), initialMargins(requirement));
        return new Balances(account.id, account.baseCurrency, clock.instant().truncatedTo(ChronoUnit.MICROS),
                requirement == null ? null : requirement.calculatedAt, valuation.holdings(),
                valuation.collateralValue(), valuation.requirements(), valuation.marginRequirement(),
                valuation.excess());
    }

    /**
     * Refuses (422) a withdrawal of more than the account holds, or one whose collateral value after haircuts exceeds
     * the excess. With no requirement and no cash owed (a negative balance from unpaid variation margin) every holding
     * is excess, so no market data is needed then. The caller holds the
     * account lock, so the holdings and requirement read here cannot change before the withdrawal is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireWithdrawable(Account account, Asset asset, BigDecimal quantity) {
        Map<Asset, BigDecimal> holdings = JournalPosting.holdings(account.id);
        BigDecimal held = holdings.getOrDefault(asset, BigDecimal.ZERO);
        if (held.compareTo(quantity) < 0) {
            throw ProblemException.refused("insufficient-holding", "Not enough collateral held",
                    "account '" + account.id + "' holds " + held.toPlainString() + " of " + asset.code()
                            + "; cannot withdraw " + quantity.toPlainString());
        }
        Map<String, BigDecimal> margins = initialMargins(MarginRequirement.findById(account.id));
        boolean owesNothing = holdings.values().stream().allMatch(balance -> balance.signum() >= 0);
        if (owesNothing && margins.values().stream().allMatch(margin -> margin.signum() == 0)) {
            return;
        }
        Map<Asset, BigDecimal> remaining = new HashMap<>(holdings);
        remaining.merge(asset, quantity.negate(), BigDecimal::add);
        AccountValuation before = value(account, holdings, margins);
        AccountValuation after = value(account, remaining, margins);
        if (after.excess().signum() < 0) {
            String base = account.baseCurrency;
            BigDecimal requested = before.collateralValue().subtract(after.collateralValue());
            throw ProblemException.refused("insufficient-excess-collateral", "Insufficient excess collateral",
                    "withdrawing " + quantity.toPlainString() + " " + asset.code() + " would remove collateral value of "
                            + base + " " + requested.toPlainString() + " after haircuts, but the excess collateral "
                            + "available is " + base + " " + before.excess().toPlainString() + " (collateral value "
                            + base + " " + before.collateralValue().toPlainString() + ", margin requirement " + base
                            + " " + before.marginRequirement().toPlainString() + "); withdraw at most the excess");
        }
    }

    /**
     * The account's cover now: its holdings after haircuts against its latest initial margin, in its base currency.
     *
     * @throws MissingMarketData if a price or FX rate the valuation needs was never recorded; the caller's
     *                           transaction is left to commit (the change that asked for the valuation stands)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = MissingMarketData.class)
    public AccountValuation current(Account account) {
        return valuer.value(account.baseCurrency, JournalPosting.holdings(account.id),
                initialMargins(MarginRequirement.findById(account.id)), LATEST);
    }

    /**
     * The given holdings (a settlement cycle's snapshot) against the given initial margins per currency, in the
     * account's base currency; the same rules and exception as {@link #current}.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = MissingMarketData.class)
    public AccountValuation against(Account account, Map<Asset, BigDecimal> holdings,
                                    Map<String, BigDecimal> initialMargins) {
        return valuer.value(account.baseCurrency, holdings, initialMargins, LATEST);
    }

    private AccountValuation value(Account account, Map<Asset, BigDecimal> holdings,
                                   Map<String, BigDecimal> initialMargins) {
        try {
            return valuer.value(account.baseCurrency, holdings, initialMargins, LATEST);
        } catch (MissingMarketData e) {
            throw ProblemException.refused("valuation-unavailable", "Valuation unavailable",
                    "account '" + account.id + "' cannot be valued in " + account.baseCurrency + ": " + e.getMessage()
                            + "; the back office must record it (PUT /collateral/securities/{id} or "
                            + "PUT /collateral/fx-rates/{base}/{quote})");
        }
    }

    private static Map<String, BigDecimal> initialMargins(MarginRequirement requirement) {
        Map<String, BigDecimal> margins = new HashMap<>();
        if (requirement != null) {
            requirement.lines.forEach(line -> margins.put(line.currency, line.initialMargin));
        }
        return margins;
    }
}
