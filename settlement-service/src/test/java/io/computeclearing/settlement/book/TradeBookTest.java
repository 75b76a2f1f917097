package io.computeclearing.settlement.book;

import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Settlement's own book of legs: every trade event is applied once, however often the broker delivers it. */
@QuarkusTest
class TradeBookTest {

    @Inject
    DatabaseProbe db;

    @Test
    void aRedeliveredTradeEventIsBookedAndCountedOnce() {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GB200", "USD", "0.005", "1000", "SDB200RT", "AVERAGE_OVER_MONTH",
                "2029-04", LocalDate.of(2029, 4, 30));
        String buyer = SettlementApi.account(SettlementApi.unique("RDA"), "USD");
        String seller = SettlementApi.account(SettlementApi.unique("RDB"), "USD");
        ClearingFeed.tradeDeliveredTwice(gpu, day, buyer, seller, 1, "5.300");
        ClearingFeed.closeDay(day, 2, 0, 0);
        SettlementApi.publishPrices(day, Map.of(gpu.id(), "5.350")).then().statusCode(200);

        // one contract, not two: 1 x (5.350 - 5.300) x 1000 = 50.00
        SettlementApi.runWhenComplete(day).then().statusCode(201)
                .body("postings.find { it.accountId == '%s' }.amount".formatted(buyer), equalTo(new BigDecimal("50.00")))
                .body("postings.find { it.accountId == '%s' }.amount".formatted(seller), equalTo(new BigDecimal("-50.00")));
        assertThat(db.count("select count(*) from settlement_leg where account_id = ?", buyer)).isEqualTo(1);
        assertThat(db.count("select count(*) from inbox_event where consumer = 'settlement-service.trades'"
                + " and aggregate_id = ?", buyer)).isEqualTo(1);

        LocalDate next = day.plusDays(1);
        ClearingFeed.trade(gpu, next, seller, buyer, 1, "5.350");
        ClearingFeed.closeDay(next, 2, 0, 0);
        SettlementApi.publishPrices(next, Map.of(gpu.id(), "5.350")).then().statusCode(200);
        SettlementApi.runWhenComplete(next).then().statusCode(201);
    }
}
