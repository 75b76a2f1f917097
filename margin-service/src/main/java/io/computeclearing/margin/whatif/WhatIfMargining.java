package io.computeclearing.margin.whatif;

import io.computeclearing.margin.position.AccountPosition;
import io.computeclearing.margin.requirement.CurrencyMargin;
import io.computeclearing.margin.requirement.Holding;
import io.computeclearing.margin.requirement.PortfolioMargining;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What-if margin, like CME CORE: the requirement of hypothetical holdings with the parameters and prices in force
 * today, by the same computation as an account's recorded margin, and nothing written (no transaction is opened).
 * <p>
 * Trades are added to the account's positions as its type keeps them: a house or segregated account nets (a BUY adds
 * to the net, a SELL subtracts); a client omnibus account keeps gross, so a BUY adds to the longs and a SELL to the
 * shorts (a trade of one client is never assumed to close another's). A portfolio for a netting account type is
 * margined on {@code long - short}. What is accepted is {@link WhatIfValidation}'s business.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WhatIfMargining {

    private final PortfolioMargining margining;
    private final WhatIfValidation validation;
    private final Clock clock;

    public WhatIfMargining(PortfolioMargining margining, WhatIfValidation validation, Clock clock) {
        this.margining = margining;
        this.validation = validation;
        this.clock = clock;
    }

    /** The account's requirement now and after the trades. */
    public WhatIfMargin withTrades(String accountId, KnownAccount account, List<WhatIfRequest.Trade> trades) {
        LocalDate today = today();
        validation.trades(accountId, trades, today);
        KnownAccount.AccountType type = account == null ? KnownAccount.AccountType.HOUSE : account.accountType;
        Map<String, Holding> now = new TreeMap<>();
        AccountPosition.ofAccount(accountId).forEach(p ->
                now.put(p.instrumentId, new Holding(p.instrumentId, p.longQuantity, p.shortQuantity)));
        Map<String, Holding> after = new TreeMap<>(now);
        for (WhatIfRequest.Trade t : trades) {
            Holding held = after.getOrDefault(t.instrumentId(), new Holding(t.instrumentId(), 0, 0));
            long buy = "BUY".equals(t.side()) ? t.quantity() : 0;
            long sell = "SELL".equals(t.side()) ? t.quantity() : 0;
            after.put(t.instrumentId(), type == KnownAccount.AccountType.CLIENT_OMNIBUS
                    ? new Holding(t.instrumentId(), Math.addExact(held.longQuantity(), buy),
                            Math.addExact(held.shortQuantity(), sell))
                    : Holding.net(t.instrumentId(), Math.subtractExact(Math.addExact(held.netQuantity(), buy), sell)));
        }
        PortfolioMargining.ParametersInForce inForce = margining.parametersOn(today);
        List<CurrencyMargin> before = margining.margin(now.values(), type, inForce);
        List<CurrencyMargin> with = margining.margin(after.values(), type, inForce);
        return new WhatIfMargin(accountId, type.name(), account == null ? null : account.baseCurrency, before, with,
                change(before, with), null);
    }

    /** The requirement of a portfolio for an account of the given type (netted unless omnibus). */
    public WhatIfMargin ofPortfolio(List<WhatIfRequest.PortfolioLine> lines, String accountType,
                                    String baseCurrency) {
        LocalDate today = today();
        WhatIfValidation.Portfolio portfolio = validation.portfolio(lines, accountType, baseCurrency, today);
        KnownAccount.AccountType type = portfolio.accountType();
        List<Holding> holdings = portfolio.holdings().values().stream()
                .map(h -> type == KnownAccount.AccountType.CLIENT_OMNIBUS ? h
                        : Holding.net(h.instrumentId(), h.netQuantity()))
                .toList();
        return new WhatIfMargin(null, type.name(), baseCurrency, null, null, null,
                margining.margin(holdings, type, today));
    }

    /** After minus before, per currency of either (a currency missing on one side counts as zero). */
    private static List<CurrencyRequirement> change(List<CurrencyMargin> before, List<CurrencyMargin> after) {
        TreeSet<String> currencies = new TreeSet<>();
        before.forEach(m -> currencies.add(m.currency()));
        after.forEach(m -> currencies.add(m.currency()));
        List<CurrencyRequirement> change = new ArrayList<>();
        for (String currency : currencies) {
            CurrencyMargin b = find(before, currency);
            CurrencyMargin a = find(after, currency);
            change.add(new CurrencyRequirement(currency, a.initialMargin().subtract(b.initialMargin()),
                    a.maintenanceMargin().subtract(b.maintenanceMargin())));
        }
        return change;
    }

    private static CurrencyMargin find(List<CurrencyMargin> margins, String currency) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return margins.stream().filter(m -> m.currency().equals(currency)).findFirst()
                .orElse(new CurrencyMargin(currency, zero, zero, List.of(), List.of()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
