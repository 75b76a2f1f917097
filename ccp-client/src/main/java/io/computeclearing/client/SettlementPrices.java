package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Daily settlement prices at settlement-service: published by the back office, read by everyone. */
public final class SettlementPrices {

    /** @param price on the instrument's tick grid, in its currency */
    public record NewPrice(String instrumentId, BigDecimal price) {
    }

    public record SettlementPrice(String instrumentId, LocalDate businessDate, BigDecimal price, String currency,
                                  int version, String source, String indexId, BigDecimal indexValue,
                                  Integer indexVersion, String publishedBy, Instant publishedAt) {
    }

    private final RestCalls calls;
    private final URI prices;

    SettlementPrices(RestCalls calls, URI settlementService) {
        this.calls = calls;
        this.prices = RestCalls.url(settlementService, "settlement-prices");
    }

    /** Publishes the day's prices; refused (409) once the day's end-of-day run used them. */
    public List<SettlementPrice> publish(LocalDate businessDate, List<NewPrice> prices) {
        return calls.post(RestCalls.url(this.prices, businessDate), prices, new TypeReference<>() { });
    }

    public List<SettlementPrice> inForce(LocalDate businessDate) {
        return calls.get(RestCalls.url(prices, businessDate), new TypeReference<>() { });
    }
}
