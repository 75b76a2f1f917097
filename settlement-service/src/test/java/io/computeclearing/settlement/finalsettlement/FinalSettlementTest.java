package io.computeclearing.settlement.finalsettlement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.computeclearing.settlement.SettlementApi.backOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Final settlement on the last trading day: the FSP from the index by the product's rule, rounded to the tick, and
 * the day's cash at the FSP posted as FINAL_SETTLEMENT. The dates are fixed (2031) so the weekdays of the averaging
 * window are known; they are later than any other test's business dates.
 */
@QuarkusTest
class FinalSettlementTest {

    @Test
    void averageOverMonthMeansEveryWeekdayOfTheContractMonthUpToTheLastTradingDay() {
        String index = SettlementApi.newIndex("USD");
        LocalDate thursday = LocalDate.of(2031, 3, 6);
        LocalDate lastTradingDay = LocalDate.of(2031, 3, 7);
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", index, "AVERAGE_OVER_MONTH", "2031-03",
                lastTradingDay);
        String longAccount = SettlementApi.account(SettlementApi.unique("FSA"), "USD");
        String shortAccount = SettlementApi.account(SettlementApi.unique("FSB"), "USD");

        // Thursday: long buys 3 at 2.500, settles at 2.510: 3 x 0.010 x 1000 = 30.00
        ClearingFeed.trade(gpu, thursday, longAccount, shortAccount, 3, "2.500");
        ClearingFeed.closeDay(thursday, 2, 0, 0);
        SettlementApi.publishPrices(thursday, Map.of(gpu.id(), "2.510")).then().statusCode(200);
        SettlementApi.runWhenComplete(thursday).then().statusCode(201);

        // March 2031 starts on a Saturday: the window is Monday 3rd to Friday 7th; the weekend value is not used.
        SettlementApi.indexValue(index, LocalDate.of(2031, 3, 1), "9.9999");
        SettlementApi.indexValue(index, LocalDate.of(2031, 3, 3), "2.4512");
        SettlementApi.indexValue(index, LocalDate.of(2031, 3, 4), "2.4730");
        SettlementApi.indexValue(index, LocalDate.of(2031, 3, 5), "2.5021");
        SettlementApi.indexValue(index, LocalDate.of(2031, 3, 6), "2.4988");
        ClearingFeed.closeDay(lastTradingDay, 0, 0, 0);
        SettlementApi.runWhenComplete(lastTradingDay).then().statusCode(409)
                .body("type", endsWith("/settlement-inputs-missing"))
                .body("detail", containsString("index values [" + index + " on 2031-03-07 (for " + gpu.id() + ")]"));

        // mean = (2.4512 + 2.4730 + 2.5021 + 2.4988 + 2.5105) / 5 = 12.4356 / 5 = 2.48712 = 497.424 ticks -> 2.485
        // long: 3 x (2.485 - 2.510) x 1000 = -75.00; short: +75.00
        SettlementApi.indexValue(index, lastTradingDay, "2.5105");
        backOffice().post("/end-of-day/{date}", lastTradingDay.toString()).then().statusCode(201)
                .body("prices.find { it.instrumentId == '%s' }.kind".formatted(gpu.id()), equalTo("FINAL"))
                .body("prices.find { it.instrumentId == '%s' }.price".formatted(gpu.id()),
                        equalTo(new BigDecimal("2.485")))
                .body("postings.find { it.postingId == 'FINAL_SETTLEMENT:2031-03-07:%s:USD' }.amount"
                        .formatted(longAccount), equalTo(new BigDecimal("-75.00")))
                .body("postings.find { it.postingId == 'FINAL_SETTLEMENT:2031-03-07:%s:USD' }.amount"
                        .formatted(shortAccount), equalTo(new BigDecimal("75.00")))
                .body("totals.find { it.kind == 'FINAL_SETTLEMENT' }.net", equalTo(new BigDecimal("0.00")));

        SettlementApi.as(TestTokens.member("ANY")).get("/final-settlements/{id}", gpu.id()).then().statusCode(200)
                .body("rule", equalTo("AVERAGE_OVER_MONTH"))
                .body("finalSettlementPrice", equalTo(new BigDecimal("2.485")))
                .body("unroundedValue", equalTo(new BigDecimal("2.48712")))
                .body("positionsSettled", equalTo(2))
                .body("inputs.valueDate", equalTo(List.of("2031-03-03", "2031-03-04", "2031-03-05", "2031-03-06",
                        "2031-03-07")))
                .body("inputs.value", equalTo(List.of(new BigDecimal("2.4512"), new BigDecimal("2.473"),
                        new BigDecimal("2.5021"), new BigDecimal("2.4988"), new BigDecimal("2.5105"))))
                .body("inputs.version", equalTo(List.of(1, 1, 1, 1, 1)));
        FinalSettlementCompleted completed = completed(gpu.id());
        assertThat(completed.finalSettlementPrice()).isEqualTo(new BigDecimal("2.485"));
        assertThat(completed.positionsSettled()).isEqualTo(2);
        assertThat(completed.businessDate()).isEqualTo(lastTradingDay);

        // the positions are closed: the next day settles without a price for the expired instrument, which takes
        // no more daily prices
        LocalDate monday = LocalDate.of(2031, 3, 10);
        backOffice().body("[{\"instrumentId\":\"" + gpu.id() + "\",\"price\":2.500}]")
                .post("/settlement-prices/{date}", monday.toString()).then().statusCode(422)
                .body("type", endsWith("/instrument-settled"));
        ClearingFeed.closeDay(monday, 0, 0, 0);
        SettlementApi.runWhenComplete(monday).then().statusCode(201)
                .body("postings.findAll { it.accountId == '%s' }.size()".formatted(longAccount), equalTo(0));
    }

    @Test
    void singleFixingTakesTheIndexValueInForceOnTheLastTradingDay() {
        String index = SettlementApi.newIndex("CNY");
        LocalDate monday = LocalDate.of(2031, 5, 5);
        LocalDate lastTradingDay = LocalDate.of(2031, 5, 6);
        Instrument tokens = ClearingFeed.list("TKFRC", "CNY", "0.05", "1000", index, "SINGLE_FIXING", "2031-05",
                lastTradingDay);
        String buyer = SettlementApi.account(SettlementApi.unique("SFA"), "CNY");
        String seller = SettlementApi.account(SettlementApi.unique("SFB"), "CNY");

        // Monday: buyer +2 at 14.00, settles 14.10: 2 x 0.10 x 1000 = 200.00 CNY
        ClearingFeed.trade(tokens, monday, buyer, seller, 2, "14.00");
        ClearingFeed.closeDay(monday, 2, 0, 0);
        SettlementApi.publishPrices(monday, Map.of(tokens.id(), "14.10")).then().statusCode(200);
        SettlementApi.runWhenComplete(monday).then().statusCode(201)
                .body("postings.find { it.accountId == '%s' }.amount".formatted(buyer), equalTo(new BigDecimal("200.00")));

        // Last trading day: the buyer sells 1 back at 14.30; the index is restated from 14.1000 to 14.2337
        // (version 2): 14.2337 / 0.05 = 284.674 ticks -> 285 -> FSP 14.25.
        // buyer: 2 x (14.25 - 14.10) x 1000 = 300.00; -1 x (14.25 - 14.30) x 1000 = 50.00: 350.00 CNY
        // seller: -2 x 0.15 x 1000 = -300.00; +1 x -0.05 x 1000 = -50.00: -350.00 CNY
        ClearingFeed.trade(tokens, lastTradingDay, seller, buyer, 1, "14.30");
        ClearingFeed.closeDay(lastTradingDay, 2, 0, 0);
        SettlementApi.indexValue(index, lastTradingDay, "14.1000");
        backOffice().body("{\"valueDate\":\"" + lastTradingDay + "\",\"value\":14.2337,\"restatementReason\":\"late trades\"}")
                .post("/indices/{id}/values", index).then().statusCode(201);
        SettlementApi.runWhenComplete(lastTradingDay).then().statusCode(201)
                .body("postings.find { it.postingId == 'FINAL_SETTLEMENT:2031-05-06:%s:CNY' }.amount".formatted(buyer),
                        equalTo(new BigDecimal("350.00")))
                .body("postings.find { it.postingId == 'FINAL_SETTLEMENT:2031-05-06:%s:CNY' }.amount".formatted(seller),
                        equalTo(new BigDecimal("-350.00")));

        backOffice().get("/final-settlements/{id}", tokens.id()).then().statusCode(200)
                .body("rule", equalTo("SINGLE_FIXING"))
                .body("finalSettlementPrice", equalTo(new BigDecimal("14.25")))
                .body("currency", equalTo("CNY"))
                .body("inputs.size()", equalTo(1))
                .body("inputs[0].value", equalTo(new BigDecimal("14.2337")))
                .body("inputs[0].version", equalTo(2));
        assertThat(completed(tokens.id()).positionsSettled()).isEqualTo(2);
        backOffice().get("/statements/{account}/{date}", buyer, lastTradingDay.toString()).then().statusCode(200)
                .body("positions[0].startOfDay", equalTo(2))
                .body("positions[0].sold", equalTo(1))
                .body("positions[0].endOfDay", equalTo(1))
                .body("positions[0].previousPrice", equalTo(new BigDecimal("14.10")))
                .body("positions[0].settlementPrice", equalTo(new BigDecimal("14.25")))
                .body("positions[0].priceKind", equalTo("FINAL"))
                .body("positions[0].variationMargin", equalTo(new BigDecimal("0.00")))
                .body("positions[0].finalSettlement", equalTo(new BigDecimal("350.00")))
                .body("totals[0].currency", equalTo("CNY"))
                .body("totals[0].total", equalTo(new BigDecimal("350.00")));
        backOffice().get("/final-settlements/{id}", "NEVER-SETTLED").then().statusCode(404);
    }

    private static FinalSettlementCompleted completed(String instrumentId) {
        return TopicProbe.readUntil(Topics.SETTLEMENT_PRICES, r -> r.key().equals(instrumentId)
                                && EventCodec.decode(r.value()).is(SettlementEvents.FINAL_SETTLEMENT_COMPLETED),
                        Duration.ofSeconds(30)).stream()
                .filter(r -> r.key().equals(instrumentId))
                .map(r -> EventCodec.decode(r.value()))
                .filter((EventEnvelope e) -> e.is(SettlementEvents.FINAL_SETTLEMENT_COMPLETED))
                .map(e -> EventCodec.payload(e, SettlementEvents.FINAL_SETTLEMENT_COMPLETED))
                .findFirst().orElseThrow();
    }
}
