package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * clearing-service's product catalogue: contract families (GH100, GB200 GPU-hour futures, TKFRC token futures...) and
 * their listed contract months, and how a month closed at final settlement.
 */
public final class Catalogue {

    public enum InstrumentStatus { ACTIVE, EXPIRING, EXPIRED, SETTLED }

    public record Family(String symbol, String description, String underlyingIndexId, String currency,
                         BigDecimal contractUnit, String unitDescription, BigDecimal tickSize, BigDecimal tickValue,
                         int listingCycleMonths, String lastTradingDayRule, int lastTradingDayOffset,
                         String finalSettlementRule, List<LocalDate> holidays) {
    }

    /** A contract month, {@code SYMBOL-YYYYMM}; prices are multiples of {@code tickSize} in {@code currency}. */
    public record Instrument(String id, String family, YearMonth contractMonth, LocalDate lastTradingDay,
                             InstrumentStatus status, String currency, BigDecimal tickSize, BigDecimal contractUnit,
                             String finalSettlementRule) {
    }

    /** The positions clearing-service closed at the final settlement price settlement-service published. */
    public record ClosedAtFinalSettlement(String instrumentId, LocalDate businessDate, BigDecimal finalSettlementPrice,
                                          String currency, long positionsSettled, int positionsClosed,
                                          Instant settledAt, Instant closedAt, List<ClosedPosition> closedPositions) {
    }

    public record ClosedPosition(String accountId, String memberId, long longQuantity, long shortQuantity,
                                 long netQuantity, long closingVersion) {
    }

    private final RestCalls calls;
    private final URI catalogue;

    Catalogue(RestCalls calls, URI clearingService) {
        this.calls = calls;
        this.catalogue = RestCalls.url(clearingService, "catalogue");
    }

    public List<Family> families() {
        return calls.get(RestCalls.url(catalogue, "families"), new TypeReference<>() { });
    }

    public Family family(String symbol) {
        return calls.get(RestCalls.url(catalogue, "families", symbol), Family.class);
    }

    /** Contract months, of one family and in one status when those are not null. */
    public List<Instrument> instruments(String family, InstrumentStatus status) {
        return calls.get(RestCalls.query(RestCalls.url(catalogue, "instruments"),
                RestCalls.parameters("family", family, "status", status)), new TypeReference<>() { });
    }

    public Instrument instrument(String id) {
        return calls.get(RestCalls.url(catalogue, "instruments", id), Instrument.class);
    }

    /** 404 until settlement-service's final settlement reached clearing-service and closed the positions. */
    public ClosedAtFinalSettlement finalSettlement(String instrumentId) {
        return calls.get(RestCalls.url(catalogue, "instruments", instrumentId, "final-settlement"),
                ClosedAtFinalSettlement.class);
    }
}
