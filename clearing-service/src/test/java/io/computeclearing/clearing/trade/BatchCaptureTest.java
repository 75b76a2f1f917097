package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** A batch clears its good trades together and answers for each trade what became of it. */
@QuarkusTest
class BatchCaptureTest {

    @Test
    void aMixedBatchClearsTheGoodTradesAndNamesTheRulesTheOthersBreak() {
        String buyer = Accounts.open(Accounts.member("BBUY"), "HOUSE");
        String seller = Accounts.open(Accounts.member("BSELL"), "HOUSE");
        Accounts.awaitTradable(buyer, seller);
        String instrument = Api.listed("GB200").get(1);
        TestTrade earlier = TestTrade.of(instrument, 2, "5.3", buyer, seller);
        Api.submit(earlier).then().statusCode(201);

        TestTrade first = TestTrade.of(instrument, 10, "5.305", buyer, seller);
        TestTrade offGrid = TestTrade.of(instrument, 1, "5.301", buyer, seller);
        TestTrade second = TestTrade.of(instrument, 4, "5.31", seller, buyer);
        List<TestTrade> batch = List.of(first, offGrid, second, first, earlier.withQuantity(3), earlier);

        Integer firstId = Api.submitBatch(batch).then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(2))
                .body("rejected", equalTo(2))
                .body("results.exchangeTradeId", equalTo(batch.stream().map(TestTrade::exchangeTradeId).toList()))
                .body("results.status", equalTo(List.of("ACCEPTED", "REJECTED", "ACCEPTED", "DUPLICATE", "REJECTED",
                        "DUPLICATE")))
                .body("results[1].tradeId", nullValue())
                .body("results[1].violations[0].field", equalTo("price"))
                .body("results[1].violations[0].message", equalTo("price 5.301 is not on the tick grid of GB200 (tick 0.005)"))
                .body("results[4].violations[0].field", equalTo("exchangeTradeId"))
                .body("results[4].violations[0].message", startsWith("exchange trade id '" + earlier.exchangeTradeId()
                        + "' was already cleared as trade "))
                .extract().path("results[0].tradeId");
        Api.submitBatch(List.of(first)).then().body("results[0].status", equalTo("DUPLICATE"))
                .body("results[0].tradeId", equalTo(firstId));

        // 2 (earlier) + 10 (first) - 4 (second, as seller) = 8 long
        Api.backOffice().queryParam("accountId", buyer).get("/positions").then()
                .body("longQuantity", equalTo(List.of(8)))
                .body("shortQuantity", equalTo(List.of(0)));
        Api.backOffice().queryParam("accountId", buyer).get("/trades").then().body("total", equalTo(3));
    }

    @Test
    void resubmittingAWholeBatchChangesNothing() {
        String buyer = Accounts.open(Accounts.member("RBUY"), "CLIENT_OMNIBUS");
        String seller = Accounts.open(Accounts.member("RSELL"), "HOUSE");
        Accounts.awaitTradable(buyer, seller);
        String instrument = Api.listed("TKFRN").get(2);
        List<TestTrade> batch = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i -> batch.add(i % 2 == 0
                ? TestTrade.of(instrument, i, "11.0" + i % 10, buyer, seller)
                : TestTrade.of(instrument, i, "11.1" + i % 10, seller, buyer)));

        Api.submitBatch(batch).then().statusCode(200).body("accepted", equalTo(20));
        Api.submitBatch(batch).then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(20));

        // omnibus: bought 2+4+...+20 = 110, sold 1+3+...+19 = 100, kept gross
        Api.backOffice().queryParam("accountId", buyer).get("/positions").then()
                .body("longQuantity", equalTo(List.of(110)))
                .body("shortQuantity", equalTo(List.of(100)))
                .body("netQuantity", equalTo(List.of(10)))
                .body("version", equalTo(List.of(1)));
    }

    @Test
    void aBatchMustHoldOneToTheMaximumNumberOfTrades() {
        Api.backOffice().body("[]").post("/trades/batch").then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("trades"));
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(5001, "{}")) + "]";
        Api.backOffice().body(tooMany).post("/trades/batch").then().statusCode(400)
                .body("detail", equalTo("trades: a batch holds 1 to 5000 trades; this one has 5001"));
    }

    @Test
    void aNullEntryIsRejectedOnItsOwn() {
        Api.backOffice().body("[null]").post("/trades/batch").then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].violations", hasSize(1))
                .body("results[0].violations[0].field", equalTo("trade"));
    }
}
