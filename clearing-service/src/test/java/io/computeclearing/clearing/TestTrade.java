package io.computeclearing.clearing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A trade as a test reports it; {@link #json} writes it the way the exchange would. */
public record TestTrade(String exchangeTradeId, String instrumentId, long quantity, BigDecimal price,
                        String buyerAccountId, String sellerAccountId, Instant tradeTime, LocalDate businessDate) {

    public static TestTrade of(String instrumentId, long quantity, String price, String buyer, String seller) {
        return new TestTrade(Api.unique("X"), instrumentId, quantity, new BigDecimal(price), buyer, seller,
                Instant.parse("2026-11-24T14:30:00.123456Z"), Api.today());
    }

    public TestTrade withId(String id) {
        return new TestTrade(id, instrumentId, quantity, price, buyerAccountId, sellerAccountId, tradeTime, businessDate);
    }

    public TestTrade withQuantity(long newQuantity) {
        return new TestTrade(exchangeTradeId, instrumentId, newQuantity, price, buyerAccountId, sellerAccountId,
                tradeTime, businessDate);
    }

    public TestTrade withPrice(String newPrice) {
        return new TestTrade(exchangeTradeId, instrumentId, quantity, new BigDecimal(newPrice), buyerAccountId,
                sellerAccountId, tradeTime, businessDate);
    }

    public TestTrade on(LocalDate date) {
        return new TestTrade(exchangeTradeId, instrumentId, quantity, price, buyerAccountId, sellerAccountId, tradeTime,
                date);
    }

    public String json() {
        return """
                {"exchangeTradeId":"%s","instrumentId":"%s","quantity":%d,"price":%s,"buyerAccountId":"%s",\
                "sellerAccountId":"%s","tradeTime":"%s","businessDate":"%s"}""".formatted(exchangeTradeId, instrumentId,
                quantity, price.toPlainString(), buyerAccountId, sellerAccountId, tradeTime, businessDate);
    }
}
