package io.computeclearing.settlement.run;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.AccountCycleSettled;
import io.computeclearing.platform.events.settlement.SettlementEvents.CashLine;
import io.computeclearing.platform.events.settlement.SettlementEvents.EndOfDayRunCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.settlement.ClearingFeed.Trade;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.computeclearing.settlement.SettlementApi.backOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Variation margin over three days for a small book of three accounts in a dollar GPU-hour future (tick 0.005, 1,000
 * GPU-hours: 5 USD a tick) and a yuan token future (tick 0.05, 1,000 units: 50 CNY a tick). Amounts are worked by
 * hand in the comments: {@code SOD x (S - S_prev) x unit + sum of signedQty x (S - tradePrice) x unit}.
 */
@QuarkusTest
class VariationMarginRunTest {

    @Inject
    DatabaseProbe db;

    @Test
    void variationMarginOverThreeDaysWithATradeAwayFromSettlementABustAndANegativePrice() {
        LocalDate day1 = SettlementApi.newWeek();
        LocalDate day2 = day1.plusDays(1);
        LocalDate day3 = day1.plusDays(2);
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-12", LocalDate.of(2029, 12, 28));
        Instrument tokens = ClearingFeed.list("TKFRC", "CNY", "0.05", "1000", "TOKEN-FRONTIER-CNY", "SINGLE_FIXING",
                "2029-12", LocalDate.of(2029, 12, 28));
        String a = SettlementApi.account(SettlementApi.unique("VMA"), "USD");
        String b = SettlementApi.account(SettlementApi.unique("VMB"), "USD");
        String c = SettlementApi.account(SettlementApi.unique("VMC"), "CNY");

        // Day 1: A buys 10 GH from B at 2.600; C buys 4 GH from A at 2.630; B buys 3 TC from C at 12.40.
        ClearingFeed.trade(gpu, day1, a, b, 10, "2.600");
        ClearingFeed.trade(gpu, day1, c, a, 4, "2.630");
        ClearingFeed.trade(tokens, day1, b, c, 3, "12.40");
        ClearingFeed.closeDay(day1, 6, 0, 0);
        SettlementApi.publishPrices(day1, Map.of(gpu.id(), "2.615", tokens.id(), "12.50")).then().statusCode(200);

        // A: 10 x (2.615 - 2.600) x 1000 = 150.00, -4 x (2.615 - 2.630) x 1000 = 60.00: 210.00 USD
        // B: -10 x 0.015 x 1000 = -150.00 USD; 3 x (12.50 - 12.40) x 1000 = 300.00 CNY
        // C: 4 x (2.615 - 2.630) x 1000 = -60.00 USD; -3 x 0.10 x 1000 = -300.00 CNY
        SettlementApi.runWhenComplete(day1).then().statusCode(201)
                .body("totals.size()", equalTo(2))
                .body("totals.find { it.currency == 'USD' }.paid", equalTo(new BigDecimal("210.00")))
                .body("totals.find { it.currency == 'USD' }.received", equalTo(new BigDecimal("210.00")))
                .body("totals.find { it.currency == 'USD' }.net", equalTo(new BigDecimal("0.00")))
                .body("totals.find { it.currency == 'CNY' }.paid", equalTo(new BigDecimal("300.00")))
                .body("totals.find { it.currency == 'CNY' }.net", equalTo(new BigDecimal("0.00")))
                .body("checks", hasItem("VARIATION_MARGIN in USD sums to zero over 3 accounts"));
        assertPostings(day1, Map.of(a + ":USD", "210.00", b + ":USD", "-150.00", b + ":CNY", "300.00",
                c + ":USD", "-60.00", c + ":CNY", "-300.00"));

        // Day 2: B buys 2 GH from A at 2.700, away from the settlement price; A buys 5 from C at 2.650, busted.
        ClearingFeed.trade(gpu, day2, b, a, 2, "2.700");
        Trade busted = ClearingFeed.trade(gpu, day2, a, c, 5, "2.650");
        ClearingFeed.bust(busted);
        ClearingFeed.closeDay(day2, 4, 2, 0);
        SettlementApi.publishPrices(day2, Map.of(gpu.id(), "2.640", tokens.id(), "12.35")).then().statusCode(200);

        // A: SOD +6 x (2.640 - 2.615) x 1000 = 150.00; -2 x (2.640 - 2.700) x 1000 = 120.00: 270.00 USD
        // B: SOD -10 x 0.025 x 1000 = -250.00; +2 x -0.060 x 1000 = -120.00: -370.00 USD;
        //    SOD +3 TC x (12.35 - 12.50) x 1000 = -450.00 CNY
        // C: SOD +4 x 0.025 x 1000 = 100.00 USD; SOD -3 TC x -0.15 x 1000 = 450.00 CNY. The bust moves nothing.
        SettlementApi.runWhenComplete(day2).then().statusCode(201)
                .body("totals.find { it.currency == 'USD' }.paid", equalTo(new BigDecimal("370.00")))
                .body("totals.find { it.currency == 'USD' }.received", equalTo(new BigDecimal("370.00")));
        assertPostings(day2, Map.of(a + ":USD", "270.00", b + ":USD", "-370.00", b + ":CNY", "-450.00",
                c + ":USD", "100.00", c + ":CNY", "450.00"));

        // Day 3: stress, GH settles at -0.150 (negative prices are legal); TC unchanged at 12.35. Everyone closes
        // out at the settlement prices (B buys 4 from A and 4 from C at -0.150, C buys 3 TC from B at 12.35):
        // trades at the settlement price add nothing, and no position is left for the dates of other tests.
        ClearingFeed.trade(gpu, day3, b, a, 4, "-0.150");
        ClearingFeed.trade(gpu, day3, b, c, 4, "-0.150");
        ClearingFeed.trade(tokens, day3, c, b, 3, "12.35");
        ClearingFeed.closeDay(day3, 6, 0, 0);
        SettlementApi.publishPrices(day3, Map.of(gpu.id(), "-0.150", tokens.id(), "12.35")).then().statusCode(200);
        // A: +4 x (-0.150 - 2.640) x 1000 = -11160.00; B: -8 x -2.790 x 1000 = 22320.00; C: +4 -> -11160.00.
        // TC: no move, so B's and C's CNY postings are 0.00: recorded, not published.
        Response first = SettlementApi.runWhenComplete(day3);
        first.then().statusCode(201)
                .body("postings.find { it.postingId == 'VARIATION_MARGIN:%s:%s:CNY' }.amount".formatted(day3, b),
                        equalTo(new BigDecimal("0.00")))
                .body("postingsPublished", equalTo(3));
        assertPostings(day3, Map.of(a + ":USD", "-11160.00", b + ":USD", "22320.00", c + ":USD", "-11160.00"));
        List<SettlementCashPosted> posted = cashPosted(Set.of(a, b, c), 13);
        SettlementCashPosted aDay3 = posted.stream().filter(p -> p.postingId().equals(
                "VARIATION_MARGIN:" + day3 + ":" + a + ":USD")).findFirst().orElseThrow();
        assertThat(aDay3.lines()).containsExactly(new CashLine(gpu.id(), 4, 0, new BigDecimal("2.640"),
                new BigDecimal("-0.150"), new BigDecimal("-11160.00")));
        assertThat(aDay3.memberId()).isEqualTo(ClearingFeed.memberOf(a));

        // Repeating the run answers the same run and writes and publishes nothing.
        long rows = db.count("select count(*) from settlement_posting where account_id in (?, ?, ?)", a, b, c);
        long outbox = db.count("select count(*) from outbox_event where aggregate_id in (?, ?, ?)", a, b, c);
        backOffice().post("/end-of-day/{date}", day3.toString()).then().statusCode(200)
                .body("runAt", equalTo(first.jsonPath().getString("runAt")))
                .body("postings.size()", equalTo(first.jsonPath().getList("postings").size()));
        assertThat(db.count("select count(*) from settlement_posting where account_id in (?, ?, ?)", a, b, c))
                .isEqualTo(rows).isEqualTo(13 + 2);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id in (?, ?, ?)", a, b, c))
                .isEqualTo(outbox);
        assertThat(cashPosted(Set.of(a, b, c), 13)).hasSize(13);

        // Prices of a settled date are fixed.
        backOffice().body("[{\"instrumentId\":\"" + gpu.id() + "\",\"price\":1.000}]")
                .post("/settlement-prices/{date}", day3.toString()).then().statusCode(409)
                .body("type", endsWith("/prices-fixed"));
        backOffice().get("/end-of-day/{date}", day2.toString()).then().statusCode(200)
                .body("prices.find { it.instrumentId == '%s' }.price".formatted(gpu.id()),
                        equalTo(new BigDecimal("2.640")));
    }

    @Test
    void aGiveUpMovesTheLegToTheReceivingAccountOnItsDate() {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-11", LocalDate.of(2029, 11, 30));
        String executing = SettlementApi.account(SettlementApi.unique("GUA"), "USD");
        String seller = SettlementApi.account(SettlementApi.unique("GUB"), "USD");
        String clearing = SettlementApi.account(SettlementApi.unique("GUD"), "USD");
        Trade trade = ClearingFeed.trade(gpu, day, executing, seller, 2, "2.600");
        ClearingFeed.giveUp(trade.buy(), clearing, ClearingFeed.memberOf(clearing));
        ClearingFeed.trade(gpu, day, seller, clearing, 2, "2.610");
        ClearingFeed.closeDay(day, 4, 0, 1);
        SettlementApi.publishPrices(day, Map.of(gpu.id(), "2.610")).then().statusCode(200);

        // The receiving account holds +2 at 2.600: 2 x (2.610 - 2.600) x 1000 = 20.00; the seller -20.00;
        // the executing account gave its leg away and settles nothing. Both close out at the settlement price,
        // which adds nothing and leaves no position for other tests' dates.
        SettlementApi.runWhenComplete(day).then().statusCode(201);
        assertPostings(day, Map.of(clearing + ":USD", "20.00", seller + ":USD", "-20.00"));
        assertThat(db.count("select count(*) from settlement_posting where account_id = ?", executing)).isZero();

        // The run is announced once, keyed by its date, after its postings: two accounts, two cash postings.
        AtomicReference<List<EndOfDayRunCompleted>> completed = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            completed.set(TopicProbe.readAll(Topics.SETTLEMENT_RUNS, Duration.ofSeconds(1)).stream()
                    .filter(r -> day.toString().equals(r.key()))
                    .map(r -> EventCodec.decode(r.value()))
                    .filter(e -> e.is(SettlementEvents.END_OF_DAY_RUN_COMPLETED))
                    .map(e -> EventCodec.payload(e, SettlementEvents.END_OF_DAY_RUN_COMPLETED))
                    .toList());
            return !completed.get().isEmpty();
        });
        assertThat(completed.get()).singleElement().satisfies(run -> {
            assertThat(run.businessDate()).isEqualTo(day);
            assertThat(run.accountsSettled()).isEqualTo(2);
            assertThat(run.postings()).isEqualTo(2);
            // The price it settled at, for risk-service to wait for.
            assertThat(run.prices()).singleElement().satisfies(price -> {
                assertThat(price.instrumentId()).isEqualTo(gpu.id());
                assertThat(price.kind()).isEqualTo("DAILY");
                assertThat(price.price()).isEqualByComparingTo("2.610");
            });
        });
        // Each account's cycle is closed after its postings, on the same topic and key: it names the postings and
        // the prices its instruments settled at, with its position at the close (the receiving account sold its 2).
        List<EventEnvelope> clearingEvents = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clearingEvents.clear();
            TopicProbe.readAll(Topics.SETTLEMENT_CASH, Duration.ofSeconds(1)).stream()
                    .filter(r -> clearing.equals(r.key())).map(r -> EventCodec.decode(r.value()))
                    .forEach(clearingEvents::add);
            return clearingEvents.size() >= 2;
        });
        assertThat(clearingEvents).extracting(EventEnvelope::type)
                .containsExactly("SettlementCashPosted", "AccountCycleSettled");
        AccountCycleSettled closed = EventCodec.payload(clearingEvents.get(1), SettlementEvents.ACCOUNT_CYCLE_SETTLED);
        assertThat(closed.cycleId()).isEqualTo(day + "/END_OF_DAY");
        assertThat(closed.memberId()).isEqualTo(ClearingFeed.memberOf(clearing));
        assertThat(closed.postingIds()).containsExactly("VARIATION_MARGIN:" + day + ":" + clearing + ":USD");
        assertThat(closed.prices()).singleElement().satisfies(price -> {
            assertThat(price.instrumentId()).isEqualTo(gpu.id());
            assertThat(price.kind()).isEqualTo("DAILY");
            assertThat(price.price()).isEqualByComparingTo("2.610");
            assertThat(price.position()).isZero();
        });
        assertThat(db.count("select count(*) from outbox_event where event_type = 'AccountCycleSettled' and "
                + "aggregate_id = ?", executing)).isZero();

        SettlementApi.runWhenComplete(day).then().statusCode(200);
        assertThat(db.count("select count(*) from outbox_event where event_type = 'EndOfDayRunCompleted'"
                + " and aggregate_id = ?", day.toString())).isEqualTo(1);
    }

    private static void assertPostings(LocalDate date, Map<String, String> expected) {
        Response run = backOffice().get("/end-of-day/{date}", date.toString());
        run.then().statusCode(200);
        expected.forEach((accountCurrency, amount) -> {
            String postingId = "VARIATION_MARGIN:" + date + ":" + accountCurrency;
            assertThat(run.jsonPath().<BigDecimal>get("postings.find { it.postingId == '" + postingId + "' }.amount"))
                    .as(postingId).isEqualTo(new BigDecimal(amount));
        });
    }

    /** The cash postings of these accounts on the topic, once there are {@code expected} of them. */
    static List<SettlementCashPosted> cashPosted(Set<String> accounts, int expected) {
        AtomicReference<List<SettlementCashPosted>> found = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.set(TopicProbe.readAll(Topics.SETTLEMENT_CASH, Duration.ofSeconds(1)).stream()
                    .filter(r -> accounts.contains(r.key()))
                    .map(r -> EventCodec.decode(r.value()))
                    .filter(e -> e.is(SettlementEvents.SETTLEMENT_CASH_POSTED))
                    .map((EventEnvelope e) -> EventCodec.payload(e, SettlementEvents.SETTLEMENT_CASH_POSTED))
                    .toList());
            return found.get().size() >= expected;
        });
        return found.get();
    }
}
