package io.computeclearing.clearing.trade;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Batches cleared at the same time over the same accounts and instruments: positions are locked in one order, so none
 * deadlocks and none is lost; the same trade sent twice at once is cleared once.
 */
@QuarkusTest
class ConcurrentCaptureTest {

    @Inject
    DatabaseProbe database;

    @Test
    void concurrentBatchesOverTheSamePositionsAllClear() throws Exception {
        List<String> accounts = List.of(Accounts.open(Accounts.member("CCA"), "HOUSE"),
                Accounts.open(Accounts.member("CCB"), "HOUSE"), Accounts.open(Accounts.member("CCC"), "CLIENT_OMNIBUS"));
        Accounts.awaitTradable(accounts.toArray(String[]::new));
        List<String> instruments = Api.newFamily();

        List<Callable<Response>> batches = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            List<TestTrade> batch = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                // every batch walks the positions in a different order
                int first = (b + i) % 3;
                batch.add(TestTrade.of(instruments.get((b * 7 + i) % 3), 1 + i % 5, "4.00",
                        accounts.get(first), accounts.get((first + 1 + b % 2) % 3)));
            }
            batches.add(() -> Api.submitBatch(batch));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Response> result : pool.invokeAll(batches)) {
                result.get().then().statusCode(200).body("accepted", equalTo(60));
            }
        } finally {
            pool.shutdown();
        }

        for (String instrument : instruments) {
            Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then()
                    .body("[0].netSum", equalTo(0));
        }
        assertThat(database.count("""
                select count(*) from position p
                where p.account_id = any(?) and p.net_quantity <> (select coalesce(sum(l.quantity), 0) from trade_leg l
                      where l.account_id = p.account_id and l.instrument_id = p.instrument_id)""",
                (Object) accounts.toArray(String[]::new))).isZero();
        assertThat(database.count("select sum(version) from position where account_id = any(?)",
                (Object) accounts.toArray(String[]::new))).isLessThanOrEqualTo(8 * 9);
    }

    @Test
    void theSameTradeSentManyTimesAtOnceIsClearedOnce() throws Exception {
        String buyer = Accounts.open(Accounts.member("CCD"), "HOUSE");
        String seller = Accounts.open(Accounts.member("CCE"), "HOUSE");
        Accounts.awaitTradable(buyer, seller);
        TestTrade trade = TestTrade.of(Api.listed("GH100").get(1), 9, "2.6", buyer, seller);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Response>> sends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sends.add(() -> Api.submit(trade));
            }
            for (Future<Response> result : pool.invokeAll(sends)) {
                Response response = result.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    response.then().body("type", equalTo("/problems/concurrent-submission"));
                }
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 200 || s == 409);
        assertThat(database.count("select count(*) from trade where exchange_trade_id = ?", trade.exchangeTradeId()))
                .isEqualTo(1);
        Api.backOffice().queryParam("accountId", buyer).get("/positions").then()
                .body("longQuantity", equalTo(List.of(9)));
    }
}
