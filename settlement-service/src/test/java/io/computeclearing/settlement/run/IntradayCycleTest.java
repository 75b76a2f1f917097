package io.computeclearing.settlement.run;

import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.settlement.ClearingFeed.Trade;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeCleared;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.computeclearing.settlement.SettlementApi.backOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Intraday settlement cycles in a dollar GPU-hour future (tick 0.005, 1,000 GPU-hours: 5 USD a tick), every amount
 * worked by hand in the comments. A cycle pays {@code start-of-cycle position x (P - P_previous) x unit + each new
 * trade x (P - trade price) x unit}, and gives back what a leg an earlier cycle settled was paid once it is busted
 * ({@code - qty x (P_previous - trade price) x unit}); the end-of-day run continues from the last cycle.
 */
@QuarkusTest
class IntradayCycleTest {

    @Inject
    DatabaseProbe db;

    @Test
    void twoCyclesABustBetweenThemAndANegativePriceSumToTheDaysVariationMarginWithoutThem() {
        LocalDate day1 = SettlementApi.newWeek();
        LocalDate day2 = day1.plusDays(1);
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2030-06", LocalDate.of(2030, 6, 28));
        String a = SettlementApi.account(SettlementApi.unique("ICA"), "USD");
        String b = SettlementApi.account(SettlementApi.unique("ICB"), "USD");
        String c = SettlementApi.account(SettlementApi.unique("ICC"), "USD");

        // Day 1: A buys 10 from B at 2.600, settled at 2.615: A +150.00, B -150.00.
        ClearingFeed.trade(gpu, day1, a, b, 10, "2.600");
        ClearingFeed.closeDay(day1, 2, 0, 0);
        SettlementApi.publishPrices(day1, Map.of(gpu.id(), "2.615")).then().statusCode(200);
        SettlementApi.runWhenComplete(day1).then().statusCode(201);

        // Day 2, before the first cycle: C buys 4 from A at 2.630; A buys 3 from B at 2.620 (busted later).
        ClearingFeed.trade(gpu, day2, c, a, 4, "2.630");
        Trade busted = ClearingFeed.trade(gpu, day2, a, b, 3, "2.620");
        awaitLiveLegs(day2, 4);

        // Cycle 1 at 2.650, from 2.615:
        // A: SOD +10 x 0.035 x 1000 = 350.00; -4 x (2.650 - 2.630) x 1000 = -80.00; +3 x 0.030 x 1000 = 90.00: 360.00
        // B: SOD -10 x 0.035 x 1000 = -350.00; -3 x 0.030 x 1000 = -90.00: -440.00
        // C: +4 x 0.020 x 1000 = 80.00
        cycle(day2, gpu, "2.650").then().statusCode(201)
                .body("cycleId", equalTo(day2 + "/INTRADAY-1"))
                .body("totals[0].paid", equalTo(new BigDecimal("440.00")))
                .body("totals[0].net", equalTo(new BigDecimal("0.00")));
        assertCycle(day2, 1, Map.of(a, "360.00", b, "-440.00", c, "80.00"));

        // Between the cycles: the 3 at 2.620 are busted; B buys 2 from C at 2.700.
        ClearingFeed.bust(busted);
        ClearingFeed.trade(gpu, day2, b, c, 2, "2.700");
        awaitLiveLegs(day2, 4);

        // Cycle 2 at -0.100 (negative prices are legal), from 2.650: a move of -2.750.
        // A: 6 held at the start (10 - 4) x -2.750 x 1000 = -16,500.00; the busted +3 gives back its 90.00:
        //    -(+3) x (2.650 - 2.620) x 1000 = -90.00: -16,590.00
        // B: -10 x -2.750 x 1000 = 27,500.00; the busted -3 gives back -90.00: +90.00; +2 x (-0.100 - 2.700) x 1000
        //    = -5,600.00: 21,990.00
        // C: +4 x -2.750 x 1000 = -11,000.00; -2 x -2.800 x 1000 = 5,600.00: -5,400.00
        cycle(day2, gpu, "-0.100").then().statusCode(201).body("cycleId", equalTo(day2 + "/INTRADAY-2"));
        assertCycle(day2, 2, Map.of(a, "-16590.00", b, "21990.00", c, "-5400.00"));

        // End of day at 2.640, from -0.100 (+2.740): A 6 x 2.740 x 1000 = 16,440.00; B -8 x ... = -21,920.00;
        // C 2 x ... = 5,480.00. B buys back 6 from A and 2 from C at 2.640, which adds nothing and leaves no position
        // for the dates of other tests.
        ClearingFeed.trade(gpu, day2, b, a, 6, "2.640");
        ClearingFeed.trade(gpu, day2, b, c, 2, "2.640");
        ClearingFeed.closeDay(day2, 10, 2, 0);
        SettlementApi.publishPrices(day2, Map.of(gpu.id(), "2.640")).then().statusCode(200);
        SettlementApi.runWhenComplete(day2).then().statusCode(201);
        assertRun(day2, Map.of(a, "16440.00", b, "-21920.00", c, "5480.00"));

        // Without cycles the day pays, from 2.615 to 2.640 (+0.025): A 10 x 25 - 4 x (2.640 - 2.630) x 1000 = 210.00;
        // B -10 x 25 + 2 x (2.640 - 2.700) x 1000 = -370.00; C 4 x 10 - 2 x -60 = 160.00; the bust nothing.
        // The cycles and the run add up to exactly that, per account.
        assertThat(dayTotal(a, day2)).isEqualByComparingTo("210.00");
        assertThat(dayTotal(b, day2)).isEqualByComparingTo("-370.00");
        assertThat(dayTotal(c, day2)).isEqualByComparingTo("160.00");

        // The statement shows both cycles before the run, whose previous price is the last cycle's.
        backOffice().get("/statements/{account}/{date}", a, day2.toString()).then().statusCode(200)
                .body("intradayCycles.size()", equalTo(2))
                .body("intradayCycles[0].amount", equalTo(new BigDecimal("360.00")))
                .body("intradayCycles[1].lines[0].previousPrice", equalTo(new BigDecimal("2.650")))
                .body("intradayCycles[1].lines[0].settlementPrice", equalTo(new BigDecimal("-0.100")))
                .body("positions[0].previousPrice", equalTo(new BigDecimal("-0.100")))
                .body("positions[0].variationMargin", equalTo(new BigDecimal("16440.00")));
        assertThat(backOffice().queryParam("format", "csv").get("/statements/{account}/{date}", a, day2.toString())
                .then().statusCode(200).extract().asString())
                .contains("section,cycleId,runAt,currency,instrumentId,startOfCycle,endOfCycle,previousPrice,"
                        + "cyclePrice,variationMargin")
                .contains(",USD," + gpu.id() + ",6,6,2.650,-0.100,-16590.00");
        SettlementApi.as(TestTokens.member(ClearingFeed.memberOf(a)))
                .get("/statements/{account}/{date}/cycles", a, day2.toString()).then().statusCode(200)
                .body("size()", equalTo(2));
        SettlementApi.as(TestTokens.member(ClearingFeed.memberOf(a)))
                .get("/statements/{account}/{date}/cycles", b, day2.toString()).then().statusCode(404);

        // Each account's cycle is closed for margin-service and account-service with the cycle's id.
        assertThat(db.count("select count(*) from outbox_event where event_type = 'AccountCycleSettled' and "
                + "aggregate_id = ? and payload->>'cycleId' = ?", c, day2 + "/INTRADAY-2")).isEqualTo(1);
    }

    @Test
    void aCycleThatCannotRunIsRefusedAndWritesNothing() {
        LocalDate day1 = SettlementApi.newWeek();
        LocalDate day2 = day1.plusDays(1);
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2030-07", LocalDate.of(2030, 7, 31));
        Instrument other = ClearingFeed.list("GB200", "USD", "0.005", "1000", "SDB200RT", "AVERAGE_OVER_MONTH",
                "2030-07", LocalDate.of(2030, 7, 31));
        String a = SettlementApi.account(SettlementApi.unique("IRA"), "USD");
        String b = SettlementApi.account(SettlementApi.unique("IRB"), "USD");
        ClearingFeed.trade(gpu, day1, a, b, 1, "2.600");
        ClearingFeed.trade(other, day1, a, b, 1, "5.000");
        awaitLiveLegs(day1, 4);
        SettlementApi.publishPrices(day1, Map.of(gpu.id(), "2.600", other.id(), "5.000")).then().statusCode(200);
        long before = db.count("select count(*) from intraday_cycle") + db.count("select count(*) from outbox_event");

        // a price missing for an instrument with positions: named
        cycle(day1, gpu, "2.650").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/settlement-inputs-missing"))
                .body("detail", containsString(other.id()));
        // off the tick grid, twice the same instrument, no prices at all
        cycle(day1, gpu, "2.652").then().statusCode(422).body("type", endsWith("/off-tick-price"));
        backOffice().body("{\"prices\":[{\"instrumentId\":\"%s\",\"price\":1},{\"instrumentId\":\"%1$s\",\"price\":2}]}"
                .formatted(gpu.id())).post("/settlement-cycles/{date}", day1.toString()).then().statusCode(400);
        // no prices given and none published for the date
        backOffice().body("{\"prices\":[]}").post("/settlement-cycles/{date}", day1.toString()).then()
                .statusCode(409).body("detail", containsString("POST /settlement-cycles/" + day1 + "/prices"));
        // a family nobody holds
        backOffice().body("{\"families\":[\"TKFRN\"],\"prices\":[{\"instrumentId\":\"%s\",\"price\":2.650}]}"
                        .formatted(gpu.id())).post("/settlement-cycles/{date}", day1.toString()).then()
                .statusCode(409).body("type", endsWith("/nothing-to-settle"));
        // a member may not run one
        SettlementApi.as(TestTokens.member(ClearingFeed.memberOf(a)))
                .body("{\"prices\":[{\"instrumentId\":\"%s\",\"price\":2.650}]}".formatted(gpu.id()))
                .post("/settlement-cycles/{date}", day1.toString()).then().statusCode(403);
        assertThat(db.count("select count(*) from intraday_cycle") + db.count("select count(*) from outbox_event"))
                .isEqualTo(before);

        // only the family named, with its price: the other family waits for its own cycle
        backOffice().body("{\"families\":[\"GH100\"],\"prices\":[{\"instrumentId\":\"%s\",\"price\":2.650}]}"
                        .formatted(gpu.id())).post("/settlement-cycles/{date}", day1.toString()).then()
                .statusCode(201).body("families", equalTo(List.of("GH100")))
                .body("postings.size()", equalTo(2))
                .body("postings.find { it.accountId == '%s' }.amount".formatted(a), equalTo(new BigDecimal("50.00")));

        // a trade half arrived (its seller's leg still in flight) waits for the next cycle: this one stays zero-sum
        TradeCleared half = ClearingFeed.buyLegOnly(gpu, day1, a, 2, "2.610");
        awaitLiveLegs(day1, 5);
        cycle(day1, gpu, "2.650").then().statusCode(409).body("type", endsWith("/settlement-inputs-missing"));
        backOffice().body("{\"families\":[\"GH100\"],\"prices\":[{\"instrumentId\":\"%s\",\"price\":2.640}]}"
                        .formatted(gpu.id())).post("/settlement-cycles/{date}", day1.toString()).then()
                .statusCode(201).body("cycleId", equalTo(day1 + "/INTRADAY-2"))
                // A: +1 x (2.640 - 2.650) x 1000 = -10.00; the half trade is not in it
                .body("postings.find { it.accountId == '%s' }.amount".formatted(a), equalTo(new BigDecimal("-10.00")));
        ClearingFeed.sellLegOf(half, gpu, b);

        // both close out at the day's prices, so that no position is left for the dates of other tests
        ClearingFeed.trade(gpu, day1, b, a, 3, "2.600");
        ClearingFeed.trade(other, day1, b, a, 1, "5.000");
        awaitLiveLegs(day1, 10);

        // a closed day's next cycle is its end-of-day run; a settled day has no more cycles
        ClearingFeed.closeDay(day1, 10, 0, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from settlement_closed_day where business_date = ?", day1) == 1);
        cycle(day1, gpu, "2.650").then().statusCode(409).body("type", endsWith("/business-day-closed"));
        SettlementApi.runWhenComplete(day1).then().statusCode(201);
        cycle(day1, gpu, "2.650").then().statusCode(409).body("type", endsWith("/day-settled"));
        // the run continued from the second cycle: A held +1 GH100 at its start, 1 x (2.600 - 2.640) x 1000 = -40.00;
        // bought 2 at 2.610, 2 x (2.600 - 2.610) x 1000 = -20.00; sold 3 at the settlement price (nothing); GB200
        // bought and sold at the settlement price: nothing. Over the day A paid 50.00 - 10.00 - 60.00 = -20.00, the
        // 2 bought at 2.610 settling at 2.600, as a run alone would have.
        assertRun(day1, Map.of(a, "-60.00", b, "60.00"));
        cycle(day2, gpu, "2.650").then().statusCode(409).body("type", endsWith("/nothing-to-settle"));
    }

    private static Response cycle(LocalDate date, Instrument instrument, String price) {
        return backOffice().body("{\"prices\":[{\"instrumentId\":\"%s\",\"price\":%s}]}".formatted(instrument.id(),
                price)).post("/settlement-cycles/{date}", date.toString());
    }

    private void awaitLiveLegs(LocalDate date, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from settlement_leg l where "
                + "l.business_date = ? and not exists (select 1 from settlement_leg_removal r where r.leg_id = "
                + "l.leg_id)", date) == count);
    }

    private static void assertCycle(LocalDate date, int sequence, Map<String, String> expected) {
        Response cycle = backOffice().get("/settlement-cycles/{date}/{sequence}", date.toString(), sequence);
        cycle.then().statusCode(200);
        expected.forEach((account, amount) -> assertThat(cycle.jsonPath().<BigDecimal>get(
                "postings.find { it.accountId == '" + account + "' }.amount")).as(account + " in cycle " + sequence)
                .isEqualTo(new BigDecimal(amount)));
    }

    private static void assertRun(LocalDate date, Map<String, String> expected) {
        Response run = backOffice().get("/end-of-day/{date}", date.toString());
        run.then().statusCode(200);
        expected.forEach((account, amount) -> assertThat(run.jsonPath().<BigDecimal>get(
                "postings.find { it.accountId == '" + account + "' }.amount")).as(account + " at the end of day")
                .isEqualTo(new BigDecimal(amount)));
    }

    /** What the account was paid over the date: its cycles' postings and its run's. */
    private BigDecimal dayTotal(String account, LocalDate date) {
        List<BigDecimal> amounts = backOffice().get("/settlement-cycles/{date}", date.toString()).jsonPath()
                .getList("postings.flatten().findAll { it.accountId == '" + account + "' }.amount", BigDecimal.class);
        BigDecimal run = backOffice().get("/end-of-day/{date}", date.toString()).jsonPath()
                .getObject("postings.find { it.accountId == '" + account + "' }.amount", BigDecimal.class);
        return amounts.stream().collect(Collectors.reducing(run, BigDecimal::add));
    }
}
