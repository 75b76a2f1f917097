package io.computeclearing.settlement.run;

import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeCleared;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static io.computeclearing.settlement.SettlementApi.backOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The end-of-day run refuses, with a 409 naming what is missing and nothing written, until the day is closed, all its
 * trade events are in, earlier dates are settled, every price is there and the book sums to zero.
 */
@QuarkusTest
class EndOfDayRefusalTest {

    @Inject
    DatabaseProbe db;

    @Test
    void runRefusesUntilTheDayIsClosedAllTradeEventsArrivedAndEveryPriceIsPublished() {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-10", LocalDate.of(2029, 10, 31));
        String buyer = SettlementApi.account(SettlementApi.unique("RFA"), "USD");
        String seller = SettlementApi.account(SettlementApi.unique("RFB"), "USD");
        ClearingFeed.trade(gpu, day, buyer, seller, 1, "2.600");

        backOffice().post("/end-of-day/{date}", day.toString()).then().statusCode(409)
                .body("type", endsWith("/business-day-open"))
                .body("detail", containsString(day + " has not been closed"));

        // clearing counted three legs; two have come
        ClearingFeed.closeDay(day, 3, 0, 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> backOffice().post("/end-of-day/{date}",
                        day.toString()).then().statusCode(409)
                .body("type", endsWith("/trade-events-missing"))
                .body("detail", containsString("trade legs cleared: 2 received of 3")));

        // the close is corrected to the two legs; now the price is what is missing
        ClearingFeed.closeDay(day, 2, 0, 0);
        SettlementApi.runWhenComplete(day).then().statusCode(409)
                .body("type", endsWith("/settlement-inputs-missing"))
                .body("detail", containsString("no settlement price for [" + gpu.id() + "]"));
        assertThat(db.count("select count(*) from eod_run where business_date = ?", day)).isZero();
        assertThat(db.count("select count(*) from settlement_posting where business_date = ?", day)).isZero();

        // 1 x (2.600 - 2.600) x 1000 = 0.00: the positions close at the settlement price the next day
        SettlementApi.publishPrices(day, Map.of(gpu.id(), "2.600")).then().statusCode(200);
        backOffice().post("/end-of-day/{date}", day.toString()).then().statusCode(201)
                .body("postingsPublished", equalTo(0));
        LocalDate next = day.plusDays(1);
        ClearingFeed.trade(gpu, next, seller, buyer, 1, "2.600");
        ClearingFeed.closeDay(next, 2, 0, 0);
        SettlementApi.publishPrices(next, Map.of(gpu.id(), "2.600")).then().statusCode(200);
        SettlementApi.runWhenComplete(next).then().statusCode(201);
    }

    @Test
    void runsGoInDateOrder() {
        LocalDate monday = SettlementApi.newWeek();
        LocalDate tuesday = monday.plusDays(1);
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-09", LocalDate.of(2029, 9, 28));
        String buyer = SettlementApi.account(SettlementApi.unique("ORA"), "USD");
        String seller = SettlementApi.account(SettlementApi.unique("ORB"), "USD");
        ClearingFeed.trade(gpu, monday, buyer, seller, 1, "2.600");
        ClearingFeed.closeDay(monday, 2, 0, 0);
        ClearingFeed.trade(gpu, tuesday, seller, buyer, 1, "2.620");
        ClearingFeed.closeDay(tuesday, 2, 0, 0);
        SettlementApi.publishPrices(monday, Map.of(gpu.id(), "2.610")).then().statusCode(200);
        SettlementApi.publishPrices(tuesday, Map.of(gpu.id(), "2.620")).then().statusCode(200);

        SettlementApi.runWhenComplete(tuesday).then().statusCode(409)
                .body("type", endsWith("/earlier-run-missing"))
                .body("detail", containsString("[" + monday + "]"));

        // Monday: buyer 1 x (2.610 - 2.600) x 1000 = 10.00. Tuesday: SOD 1 x (2.620 - 2.610) x 1000 = 10.00 and
        // the sale at 2.620, the settlement price, adds 0.
        SettlementApi.runWhenComplete(monday).then().statusCode(201)
                .body("postings.find { it.accountId == '%s' }.amount".formatted(buyer),
                        equalTo(new java.math.BigDecimal("10.00")));
        backOffice().post("/end-of-day/{date}", tuesday.toString()).then().statusCode(201)
                .body("postings.find { it.accountId == '%s' }.amount".formatted(buyer),
                        equalTo(new java.math.BigDecimal("10.00")))
                .body("postings.find { it.accountId == '%s' }.amount".formatted(seller),
                        equalTo(new java.math.BigDecimal("-10.00")));
    }

    @Test
    void aBookThatDoesNotSumToZeroIsRefusedLoudlyAndNothingIsPosted() {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-08", LocalDate.of(2029, 8, 31));
        String buyer = SettlementApi.account(SettlementApi.unique("ZSA"), "USD");
        // only the buyer's leg: 1 x (2.610 - 2.600) x 1000 = 10.00 paid, nothing received
        TradeCleared lonely = ClearingFeed.buyLegOnly(gpu, day, buyer, 1, "2.600");
        ClearingFeed.closeDay(day, 1, 0, 0);
        SettlementApi.publishPrices(day, Map.of(gpu.id(), "2.610")).then().statusCode(200);

        SettlementApi.runWhenComplete(day).then().statusCode(409)
                .body("type", endsWith("/settlement-not-zero-sum"))
                .body("detail", containsString("VARIATION_MARGIN USD sums to 10.00"));
        assertThat(db.count("select count(*) from eod_run where business_date = ?", day)).isZero();
        assertThat(db.count("select count(*) from settlement_posting where account_id = ?", buyer)).isZero();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ?", buyer)).isZero();

        // clearing busts the stray leg: the day settles with nothing to post
        ClearingFeed.bust(lonely);
        ClearingFeed.closeDay(day, 1, 1, 0);
        SettlementApi.runWhenComplete(day).then().statusCode(201).body("postings.size()", equalTo(0));
    }
}
