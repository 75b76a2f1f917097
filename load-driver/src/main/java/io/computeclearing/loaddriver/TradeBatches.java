package io.computeclearing.loaddriver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The request bodies of {@code POST /trades/batch}, written before the clock starts so that the measurement holds the
 * service's work and not the driver's. Prices are written as plain decimals at the instrument's tick scale
 * ({@code 2.605}), never through binary floating point.
 */
final class TradeBatches {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private TradeBatches() {
    }

    /** The first {@code trades} trades of the generator, in request bodies of {@code batchSize} trades. */
    static List<byte[]> write(TradeGenerator generator, int trades, int batchSize, List<ExchangeTrade> written) {
        List<byte[]> bodies = new ArrayList<>((trades + batchSize - 1) / batchSize);
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

    static byte[] body(List<ExchangeTrade> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (ExchangeTrade trade : batch) {
                json.writeStartObject();
                json.writeStringField("exchangeTradeId", trade.exchangeTradeId());
                json.writeStringField("instrumentId", trade.instrumentId());
                json.writeNumberField("quantity", trade.quantity());
                json.writeNumberField("price", trade.price());
                json.writeStringField("buyerAccountId", trade.buyerAccountId());
                json.writeStringField("sellerAccountId", trade.sellerAccountId());
                json.writeStringField("tradeTime", trade.tradeTime().toString());
                json.writeStringField("businessDate", trade.businessDate().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
