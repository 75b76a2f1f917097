package io.computeclearing.settlement.price;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
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
import static org.hamcrest.Matchers.hasSize;

/** Daily settlement prices: on the tick grid, versioned until the run, derivable from the index, public to read. */
@QuarkusTest
class SettlementPriceTest {

    @Test
    void aPriceOffTheTickGridOrForAnUnknownInstrumentIsRefusedAndNothingIsWritten() {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-07", LocalDate.of(2029, 7, 31));
        SettlementApi.publishPrices(day, Map.of(gpu.id(), "2.600")).then().statusCode(200);

        backOffice().body("[{\"instrumentId\":\"" + gpu.id() + "\",\"price\":2.6021}]")
                .post("/settlement-prices/{date}", day.toString()).then().statusCode(422)
                .body("type", endsWith("/off-tick-price"))
                .body("detail", equalTo("instrument " + gpu.id() + ": price 2.6021 is not a multiple of its tick 0.005"));
        backOffice().body("[{\"instrumentId\":\"" + gpu.id() + "\",\"price\":2.700},{\"instrumentId\":\"NOPE-1\",\"price\":1}]")
                .post("/settlement-prices/{date}", day.toString()).then().statusCode(422)
                .body("type", endsWith("/unknown-instrument"))
                .body("detail", containsString("NOPE-1"));
        backOffice().body("[]").post("/settlement-prices/{date}", day.toString()).then().statusCode(400);

        // the valid 2.700 of the refused list was not written either
        backOffice().get("/settlement-prices/{date}", day.toString()).then().statusCode(200)
                .body("find { it.instrumentId == '%s' }.price".formatted(gpu.id()), equalTo(new BigDecimal("2.600")))
                .body("find { it.instrumentId == '%s' }.version".formatted(gpu.id()), equalTo(1));
    }

    @Test
    void zeroAndNegativePricesAreLegalAndRepublishingBeforeTheRunMakesANewVersion() {
        LocalDate day = SettlementApi.newWeek();
        Instrument tokens = ClearingFeed.list("TKFRN", "USD", "0.01", "1000", "TOKEN-FRONTIER-USD", "SINGLE_FIXING",
                "2029-07", LocalDate.of(2029, 7, 31));
        SettlementApi.publishPrices(day, Map.of(tokens.id(), "0.00")).then().statusCode(200)
                .body("[0].version", equalTo(1)).body("[0].price", equalTo(new BigDecimal("0.00")));
        SettlementApi.publishPrices(day, Map.of(tokens.id(), "-1.25")).then().statusCode(200)
                .body("[0].version", equalTo(2));
        // the same price again is a duplicate: no new version, no new event
        SettlementApi.publishPrices(day, Map.of(tokens.id(), "-1.250")).then().statusCode(200)
                .body("[0].version", equalTo(2));

        SettlementApi.as(TestTokens.member("ANYONE")).get("/settlement-prices/{date}", day.toString()).then()
                .statusCode(200)
                .body("findAll { it.instrumentId == '%s' }".formatted(tokens.id()), hasSize(1))
                .body("find { it.instrumentId == '%s' }.price".formatted(tokens.id()), equalTo(new BigDecimal("-1.25")))
                .body("find { it.instrumentId == '%s' }.source".formatted(tokens.id()), equalTo("PUBLISHED"));

        List<SettlementPricePublished> published = TopicProbe.readUntil(Topics.SETTLEMENT_PRICES, r -> false,
                        Duration.ofSeconds(3)).stream()
                .filter(r -> r.key().equals(tokens.id()))
                .map(r -> EventCodec.payload(EventCodec.decode(r.value()), SettlementEvents.SETTLEMENT_PRICE_PUBLISHED))
                .toList();
        assertThat(published).extracting(SettlementPricePublished::version, SettlementPricePublished::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple(2, new BigDecimal("-1.25")));
        assertThat(published).allMatch(p -> p.currency().equals("USD") && p.businessDate().equals(day));
    }

    @Test
    void aDerivedPriceIsTheIndexValueRoundedToTheNearestTickHalvesToEven() {
        LocalDate monday = SettlementApi.newWeek();
        String index = SettlementApi.newIndex("USD");
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", index, "AVERAGE_OVER_MONTH",
                "2029-06", LocalDate.of(2029, 6, 29));
        SettlementApi.publishPrices(monday, Map.of(gpu.id(), "2.600")).then().statusCode(200);

        backOffice().body("{\"instrumentId\":\"" + gpu.id() + "\"}")
                .post("/settlement-prices/{date}/derive", monday.plusDays(1).toString()).then().statusCode(409)
                .body("type", endsWith("/index-value-missing"))
                .body("detail", containsString(index + " has no value for " + monday.plusDays(1)));

        // 2.6123 / 0.005 = 522.46 ticks -> 522 -> 2.610; 2.6125 is 522.5 ticks -> even 522 -> 2.610;
        // 2.6175 is 523.5 ticks -> even 524 -> 2.620
        Map<LocalDate, String[]> cases = Map.of(monday.plusDays(1), new String[] {"2.6123", "2.610"},
                monday.plusDays(2), new String[] {"2.6125", "2.610"},
                monday.plusDays(3), new String[] {"2.6175", "2.620"});
        cases.forEach((date, c) -> {
            SettlementApi.indexValue(index, date, c[0]);
            backOffice().body("{\"instrumentId\":\"" + gpu.id() + "\"}")
                    .post("/settlement-prices/{date}/derive", date.toString()).then().statusCode(200)
                    .body("price", equalTo(new BigDecimal(c[1])))
                    .body("source", equalTo("DERIVED"))
                    .body("indexId", equalTo(index))
                    .body("indexValue", equalTo(new BigDecimal(c[0])))
                    .body("indexVersion", equalTo(1));
        });
        // a derived price replaces a published one as the next version
        backOffice().body("{\"instrumentId\":\"" + gpu.id() + "\"}")
                .post("/settlement-prices/{date}/derive", monday.toString()).then().statusCode(409);
        SettlementApi.indexValue(index, monday, "2.6049");
        backOffice().body("{\"instrumentId\":\"" + gpu.id() + "\"}")
                .post("/settlement-prices/{date}/derive", monday.toString()).then().statusCode(200)
                .body("price", equalTo(new BigDecimal("2.605"))).body("version", equalTo(2));
    }
}
