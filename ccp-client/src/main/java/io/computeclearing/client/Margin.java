package io.computeclearing.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * SPAN margin at margin-service: an account's requirement as last computed, and what-if margin for trades not yet
 * made (or a whole hypothetical portfolio).
 */
public final class Margin {

    /**
     * One currency's requirement; the rest is margin-service's SPAN detail ({@code breakdown} and {@code charges}
     * per commodity, {@code commodities} with scan risk, the scenario that set it, spread charges and credits), kept
     * as JSON because it grows with the methodology.
     */
    public record CurrencyMargin(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin,
                                 JsonNode breakdown, JsonNode charges, JsonNode commodities) {
    }

    public record AccountMargin(String accountId, Instant calculatedAt, List<CurrencyMargin> requirements) {
    }

    public record CurrencyRequirement(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin) {
    }

    /** A trade that might be made: {@code side} BUY or SELL, whole contracts. */
    public record HypotheticalTrade(String instrumentId, Trades.Side side, long quantity) {
    }

    /** A position of a hypothetical portfolio: {@code netQuantity} for a netting account, long and short otherwise. */
    public record PortfolioLine(String instrumentId, Long netQuantity, Long longQuantity, Long shortQuantity) {
    }

    /**
     * Either an account and trades added to its positions, or a portfolio with the account type and base currency it
     * would be held in.
     */
    public record WhatIf(String accountId, List<HypotheticalTrade> trades, List<PortfolioLine> portfolio,
                         String accountType, String baseCurrency) {

        public static WhatIf trades(String accountId, List<HypotheticalTrade> trades) {
            return new WhatIf(accountId, trades, null, null, null);
        }

        public static WhatIf portfolio(List<PortfolioLine> portfolio, String accountType, String baseCurrency) {
            return new WhatIf(null, null, portfolio, accountType, baseCurrency);
        }
    }

    /** Margin before and after the hypothetical trades, and the change per currency. */
    public record WhatIfMargin(String accountId, String accountType, String baseCurrency,
                               List<CurrencyMargin> before, List<CurrencyMargin> after,
                               List<CurrencyRequirement> change, List<CurrencyMargin> requirements) {
    }

    private final RestCalls calls;
    private final URI margin;

    Margin(RestCalls calls, URI marginService) {
        this.calls = calls;
        this.margin = RestCalls.url(marginService, "margin");
    }

    /** A member user reads its own accounts only (404 otherwise). */
    public AccountMargin account(String accountId) {
        return calls.get(RestCalls.url(margin, "accounts", accountId), AccountMargin.class);
    }

    public WhatIfMargin whatIf(WhatIf request) {
        return calls.post(RestCalls.url(margin, "what-if"), request, WhatIfMargin.class);
    }
}
