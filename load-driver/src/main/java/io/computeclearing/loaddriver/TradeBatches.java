package io.computeclearing.loaddriver;

import io.computeclearing.client.Trades;

import java.util.ArrayList;
import java.util.List;

/**
 * The request bodies of {@code POST /trades/batch}, written before the clock starts so that the measurement holds the
 * service's work and not the driver's. Prices are written as plain decimals at the instrument's tick scale
 * ({@code 2.605}), never through binary floating point.
 */
final class TradeBatches {

    private TradeBatches() {
    }

    /** The first {@code trades} trades of the generator, in request bodies of {@code batchSize} trades. */
    static List<Trades.Batch> write(TradeGenerator generator, int trades, int batchSize, List<ExchangeTrade> written) {
        List<Trades.Batch> bodies = new ArrayList<>((trades + batchSize - 1) / batchSize);
        for (int from = 0; from < trades; from += batchSize) {
            List<ExchangeTrade> batch = new ArrayList<>(batchSize);
            for (int i = from; i < Math.min(from + batchSize, trades); i++) {
                batch.add(generator.next());
            }
            written.addAll(batch);
            bodies.add(body(batch));
        }
        return bodies;
    }

    static Trades.Batch body(List<ExchangeTrade> batch) {
        List<Trades.TradeReport> reports = new ArrayList<>(batch.size());
        for (ExchangeTrade trade : batch) {
            reports.add(new Trades.TradeReport(trade.exchangeTradeId(), trade.instrumentId(), trade.quantity(),
                    trade.price(), trade.buyerAccountId(), trade.sellerAccountId(), trade.tradeTime(),
                    trade.businessDate()));
        }
        return Trades.Batch.of(reports);
    }
}
