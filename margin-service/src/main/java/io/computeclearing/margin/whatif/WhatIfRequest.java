package io.computeclearing.margin.whatif;

import java.util.List;

/**
 * A what-if margin query, in one of two forms. Either an account and trades: the account's requirement now and after
 * the trades ({@code accountId}, {@code trades}); or a portfolio of its own: the requirement of those holdings for an
 * account of {@code accountType} ({@code portfolio}, {@code accountType}, {@code baseCurrency}).
 */
public record WhatIfRequest(String accountId, List<Trade> trades, List<PortfolioLine> portfolio,
                            String accountType, String baseCurrency) {

    /** A trade to add: {@code side} BUY or SELL, {@code quantity} contracts, more than zero. */
    public record Trade(String instrumentId, String side, Long quantity) {
    }

    /**
     * A holding of the portfolio: either {@code netQuantity} (positive long, negative short) or gross
     * {@code longQuantity} and {@code shortQuantity} (either may be absent for zero).
     */
    public record PortfolioLine(String instrumentId, Long netQuantity, Long longQuantity, Long shortQuantity) {
    }

    boolean isAccountQuery() {
        return accountId != null || trades != null;
    }

    boolean isPortfolioQuery() {
        return portfolio != null || accountType != null || baseCurrency != null;
    }
}
