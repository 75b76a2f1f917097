package io.computeclearing.client;

import com.fasterxml.jackson.databind.JavaType;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Trade capture at clearing-service (back office, as the exchange's feed): single trades, batches, FIXML trade capture
 * reports; the legs a member may see; busts. Exchange trade ids make capture idempotent: a trade reported again with
 * the same content is a duplicate that changes nothing.
 */
public final class Trades {

    public enum Side { BUY, SELL }

    public enum CaptureStatus { ACCEPTED, DUPLICATE, REJECTED }

    /** A matched trade as the exchange reports it: {@code buyerAccountId} bought {@code quantity} contracts. */
    public record TradeReport(String exchangeTradeId, String instrumentId, long quantity, BigDecimal price,
                              String buyerAccountId, String sellerAccountId, Instant tradeTime,
                              LocalDate businessDate) {
    }

    /** A cleared (or busted) trade with its legs: novated against the CCP, given up, reversed. */
    public record Trade(long tradeId, String exchangeTradeId, String instrumentId, long quantity, BigDecimal price,
                        String buyerAccountId, String sellerAccountId, Instant tradeTime, LocalDate businessDate,
                        String status, Instant clearedAt, Instant bustedAt, String bustReason, Long correctsTradeId,
                        List<TradeLeg> legs) {
    }

    public record TradeLeg(long legId, Side side, String kind, String accountId, String memberId, long quantity,
                           boolean reversed) {
    }

    /** One result per trade of a batch; rejected trades name every rule they break and leave no trace. */
    public record BatchResult(int accepted, int duplicates, int rejected, List<Item> results) {

        public record Item(String exchangeTradeId, CaptureStatus status, Long tradeId,
                           List<Problem.Violation> violations) {
        }
    }

    public record FixmlResult(int accepted, int duplicates, int rejected, int busted, int corrected,
                              List<FixmlItem> results) {
    }

    public record FixmlItem(int position, String reportId, String exchangeTradeId, String transactionType,
                            String status, Long tradeId, Long correctsTradeId, List<Problem.Violation> violations) {
    }

    /** One account's side of a trade, as {@code GET /trades} pages them. */
    public record Leg(long legId, long tradeId, String exchangeTradeId, String accountId, String memberId,
                      String instrumentId, Side side, String kind, long quantity, BigDecimal price, Instant tradeTime,
                      LocalDate businessDate, String status) {
    }

    public record LegPage(int page, int size, long total, List<Leg> items) {
    }

    /** Which legs to page through; null fields do not filter. */
    public record LegQuery(String accountId, String instrumentId, LocalDate businessDate, int page, int size) {

        public static LegQuery all() {
            return new LegQuery(null, null, null, 0, 100);
        }

        public LegQuery account(String id) {
            return new LegQuery(id, instrumentId, businessDate, page, size);
        }

        public LegQuery instrument(String id) {
            return new LegQuery(accountId, id, businessDate, page, size);
        }

        public LegQuery on(LocalDate date) {
            return new LegQuery(accountId, instrumentId, date, page, size);
        }

        public LegQuery page(int number, int ofSize) {
            return new LegQuery(accountId, instrumentId, businessDate, number, ofSize);
        }
    }

    /**
     * A batch written to JSON once, ahead of sending: a load test keeps the writing out of what it measures, and a
     * batch sent again after a timeout is the same bytes.
     */
    public static final class Batch {

        private final byte[] json;
        private final int trades;

        private Batch(byte[] json, int trades) {
            this.json = json;
            this.trades = trades;
        }

        public static Batch of(List<TradeReport> trades) {
            return new Batch(RestCalls.json(trades), trades.size());
        }

        public int trades() {
            return trades;
        }

        /** The request body as sent. */
        public String json() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private record BustRequest(String reason) {
    }

    private static final JavaType BATCH_RESULT = RestCalls.JSON.constructType(BatchResult.class);

    private final RestCalls calls;
    private final URI trades;

    Trades(RestCalls calls, URI clearingService) {
        this.calls = calls;
        this.trades = RestCalls.url(clearingService, "trades");
    }

    /** One trade: created, or replayed when the same trade was cleared before; 422 naming every rule it breaks. */
    public Recorded<Trade> submit(TradeReport trade) {
        return calls.record(trades, trade, Map.of(), Trade.class);
    }

    /** Up to the service's batch limit in one request; accepted trades are cleared together. */
    public BatchResult submitBatch(List<TradeReport> batch) {
        return calls.post(RestCalls.url(trades, "batch"), batch, BatchResult.class);
    }

    /** A batch written beforehand, waiting at most {@code timeout} for the answer. */
    public BatchResult submitBatch(Batch batch, Duration timeout) {
        RestCalls.Answer answer = calls.send("POST", RestCalls.url(trades, "batch"), batch.json, "application/json",
                "application/json", Map.of(), timeout);
        return RestCalls.read(answer, BATCH_RESULT);
    }

    /** A FIXML document of trade capture reports (FIX 5.0 SP2, {@code TrdCaptRpt}), each captured like JSON trades. */
    public FixmlResult submitFixml(String document) {
        RestCalls.Answer answer = calls.send("POST", RestCalls.url(trades, "fixml"),
                document.getBytes(StandardCharsets.UTF_8), "application/xml", "application/json", Map.of(),
                calls.timeout());
        return RestCalls.read(answer, RestCalls.JSON.constructType(FixmlResult.class));
    }

    /** The legs the caller may see (a member user: its own accounts'). */
    public LegPage legs(LegQuery query) {
        return calls.get(RestCalls.query(trades, RestCalls.parameters("accountId", query.accountId(),
                "instrumentId", query.instrumentId(), "businessDate", query.businessDate(), "page", query.page(),
                "size", query.size())), LegPage.class);
    }

    /** A trade with all its legs (staff only). */
    public Trade get(long tradeId) {
        return calls.get(RestCalls.url(trades, tradeId), Trade.class);
    }

    /** Reverses a trade's positions (back office). */
    public Trade bust(long tradeId, String reason) {
        return calls.post(RestCalls.url(trades, tradeId, "bust"), new BustRequest(reason), Trade.class);
    }
}
