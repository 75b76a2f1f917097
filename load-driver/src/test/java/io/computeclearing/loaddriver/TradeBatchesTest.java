package io.computeclearing.loaddriver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.client.Trades;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TradeBatchesTest {

    @Test
    void writesTheBatchEndpointsJsonWithPlainDecimalPrices() throws Exception {
        ExchangeTrade trade = new ExchangeTrade("LD-X-0", "GH100-202701", 10, new BigDecimal("2.600"), "LDM001-H",
                "LDM002-C", Instant.parse("2026-11-24T10:00:00.000001Z"), LocalDate.of(2026, 11, 24));

        String body = TradeBatches.body(List.of(trade)).json();

        assertThat(body).isEqualTo("[{\"exchangeTradeId\":\"LD-X-0\",\"instrumentId\":\"GH100-202701\","
                + "\"quantity\":10,\"price\":2.600,\"buyerAccountId\":\"LDM001-H\",\"sellerAccountId\":\"LDM002-C\","
                + "\"tradeTime\":\"2026-11-24T10:00:00.000001Z\",\"businessDate\":\"2026-11-24\"}]");
    }

    @Test
    void splitsTheStreamIntoBatchesAndKeepsEveryTradeInOrder() throws Exception {
        TradeGenerator generator = new TradeGenerator(5,
                List.of(new ListedInstrument("TKFRC-202612", "TKFRC", new BigDecimal("0.05"))),
                new LoadTestMembers(4).accountIds(), "LD-Y-", LocalDate.of(2026, 11, 24), Instant.EPOCH);
        List<ExchangeTrade> written = new ArrayList<>();

        List<Trades.Batch> bodies = TradeBatches.write(generator, 2_501, 1_000, written);

        assertThat(bodies).hasSize(3);
        assertThat(written).hasSize(2_501);
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode last = json.readTree(bodies.get(2).json());
        assertThat(bodies.get(2).trades()).isEqualTo(501);
        assertThat(last).hasSize(501);
        assertThat(last.get(500).path("exchangeTradeId").asText()).isEqualTo("LD-Y-2500");
        assertThat(last.get(500).path("price").decimalValue()).isEqualTo(written.get(2_500).price());
    }
}
