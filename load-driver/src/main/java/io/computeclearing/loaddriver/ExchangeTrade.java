package io.computeclearing.loaddriver;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A matched trade as an exchange reports it to the CCP ({@code POST /trades/batch} item): {@code quantity} contracts of
 * one instrument at one price, bought by one account from another.
 */
public record ExchangeTrade(String exchangeTradeId, String instrumentId, long quantity, BigDecimal price,
                            String buyerAccountId, String sellerAccountId, Instant tradeTime, LocalDate businessDate) {
}
