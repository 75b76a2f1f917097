package io.computeclearing.account.ledger;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CashCollateralTest {

    @Inject
    DatabaseProbe db;

    @Test
    void depositIsABalancedEntryAndIsPublished() {
        String account = Api.newAccount("ALPHA", "USD");

        Response deposit = Api.depositCash(account, Api.idempotencyKey(), "USD", "1000000.00", "wire 42");

        deposit.then().statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("accountId", equalTo(account))
                .body("kind", equalTo("DEPOSIT"))
                .body("reference", equalTo("wire 42"))
                .body("createdBy", equalTo("back.office"))
                .body("postings.book", contains("MEMBER_COLLATERAL", "CCP_CASH_AT_BANK"))
                .body("postings.accountId", contains(account, null))
                .body("postings.asset", contains("USD", "USD"))
                .body("postings.quantity", contains(new BigDecimal("1000000.00"), new BigDecimal("-1000000.00")));
        String entryId = deposit.path("id");

        var records = TopicProbe.readUntil(Topics.ACCOUNTS,
                r -> account.equals(r.key()) && r.value().contains(entryId), Duration.ofSeconds(20));
        var movement = EventCodec.payload(EventCodec.decode(records.getLast().value()),
                AccountEvents.COLLATERAL_MOVEMENT_RECORDED);
        assertThat(movement.movement()).isEqualTo("DEPOSIT");
        assertThat(movement.asset()).isEqualTo("USD");
        assertThat(movement.quantity()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(movement.accountId()).isEqualTo(account);

        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("holdings[0].quantity", equalTo(new BigDecimal("1000000.00")))
                .body("collateralValue", equalTo(new BigDecimal("1000000.00")))
                .body("marginRequirement", equalTo(new BigDecimal("0.00")))
                .body("excess", equalTo(new BigDecimal("1000000.00")));
    }

    @Test
    void sameKeyWithSameContentReturnsTheSameEntryAndWritesNothingNew() {
        String account = Api.newAccount("BRAVO", "USD");
        String key = Api.idempotencyKey();
        String first = Api.depositCash(account, key, "USD", "250000.00", "wire 7").then().statusCode(201)
                .extract().path("id");

        // 250000 and 250000.00 are the same amount, so the same request
        Api.depositCash(account, key, "USD", "250000", "wire 7").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));

        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isEqualTo(1);
        assertThat(movementEvents(account)).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentContentIsAConflictAndWritesNothing() {
        String account = Api.newAccount("CHARLIE", "USD");
        String key = Api.idempotencyKey();
        Api.depositCash(account, key, "USD", "100.00", "wire 1").then().statusCode(201);

        Api.depositCash(account, key, "USD", "100.01", "wire 1").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
        Api.withdrawCash(account, key, "USD", "100.00").then().statusCode(409)
                .body("type", equalTo("/problems/idempotency-key-reused"));

        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isEqualTo(1);
    }

    @Test
    void refusedDepositsAreProblemsAndWriteNothing() {
        String account = Api.newAccount("DELTA", "USD");

        Api.depositCash(account, Api.idempotencyKey(), "GBP", "100.00", "w").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("currency"));
        Api.depositCash(account, Api.idempotencyKey(), "USD", "0", "w").then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        Api.depositCash(account, Api.idempotencyKey(), "USD", "-5.00", "w").then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        Api.depositCash(account, Api.idempotencyKey(), "USD", "10.001", "w").then().statusCode(400)
                .body("detail", equalTo("amount: at most 2 decimal places for USD, was 10.001"));
        Api.depositCash(account, Api.idempotencyKey(), "USD", "\"lots\"", "w").then().statusCode(400)
                .body("type", equalTo("/problems/malformed-request"));
        Api.backOffice().header("Idempotency-Key", Api.idempotencyKey()).body("{\"currency\":\"USD\",")
                .post("/accounts/{id}/deposits", account).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/malformed-request"));
        Api.backOffice().body("{\"currency\":\"USD\",\"amount\":1.00,\"reference\":\"w\"}")
                .post("/accounts/{id}/deposits", account).then().statusCode(400)
                .body("violations[0].field", equalTo("idempotencyKey"));
        Api.depositCash(account + "X", Api.idempotencyKey(), "USD", "1.00", "w").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));

        assertThat(db.count("select count(*) from journal_entry where account_id like ?", account + "%")).isZero();
        assertThat(movementEvents(account)).isZero();
    }

    @Test
    void withdrawalWithinTheHoldingIsRecordedWithOppositeSigns() {
        String account = Api.newAccount("ECHO", "USD");
        Api.deposit(account, "USD", "1000.00");

        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "400.00").then().statusCode(201)
                .body("kind", equalTo("WITHDRAWAL"))
                .body("postings.quantity", contains(new BigDecimal("-400.00"), new BigDecimal("400.00")));

        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("600.00")))
                .body("excess", equalTo(new BigDecimal("600.00")));
    }

    @Test
    void withdrawalOfMoreThanIsHeldIsRefusedAndWritesNothing() {
        String account = Api.newAccount("FOXTROT", "USD");
        Api.deposit(account, "USD", "500.00");

        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "500.01").then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-holding"))
                .body("detail", equalTo("account '" + account + "' holds 500.00 of USD; cannot withdraw 500.01"));
        Api.withdrawCash(account, Api.idempotencyKey(), "CNY", "1.00").then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-holding"));

        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isEqualTo(1);
    }

    @Test
    void collateralOfASuspendedAccountIsFrozenButDepositsAreAccepted() {
        String account = Api.newAccount("GOLF", "USD");
        Api.deposit(account, "USD", "500.00");
        Api.backOffice().body("{\"reason\":\"default management\"}").post("/accounts/{id}/suspend", account)
                .then().statusCode(200);

        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "100.00").then().statusCode(422)
                .body("type", equalTo("/problems/account-suspended"));
        Api.deposit(account, "USD", "50.00");

        Api.backOffice().body("{\"reason\":\"resolved\"}").post("/accounts/{id}/reinstate", account)
                .then().statusCode(200);
        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "100.00").then().statusCode(201);
    }

    @Test
    void collateralOfASuspendedMemberIsFrozen() {
        String member = Api.registerMember("HOTEL");
        String account = Api.openAccount(member, "USD");
        Api.deposit(account, "USD", "500.00");
        Api.backOffice().body("{\"reason\":\"default\"}").post("/members/{id}/suspend", member).then().statusCode(200);

        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "100.00").then().statusCode(422)
                .body("type", equalTo("/problems/member-suspended"));
    }

    @Test
    void concurrentWithdrawalsCannotBothSpendTheSameCollateral() throws Exception {
        String account = Api.newAccount("INDIA", "USD");
        Api.deposit(account, "USD", "100.00");
        CountDownLatch start = new CountDownLatch(1);

        // both released together: without the account lock each could see 100.00 held and pass
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = pool.submit(() -> {
                start.await();
                return Api.withdrawCash(account, Api.idempotencyKey(), "USD", "60.00").statusCode();
            });
            Future<Integer> second = pool.submit(() -> {
                start.await();
                return Api.withdrawCash(account, Api.idempotencyKey(), "USD", "60.00").statusCode();
            });
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 422);
        }
        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("40.00")));
    }

    @Test
    void journalIsPagedNewestFirst() {
        String account = Api.newAccount("JULIET", "USD");
        Api.depositCash(account, Api.idempotencyKey(), "USD", "1.00", "first").then().statusCode(201);
        Api.depositCash(account, Api.idempotencyKey(), "USD", "2.00", "second").then().statusCode(201);
        Api.depositCash(account, Api.idempotencyKey(), "USD", "3.00", "third").then().statusCode(201);

        Api.backOffice().queryParam("size", 2).get("/accounts/{id}/journal", account).then().statusCode(200)
                .body("totalEntries", equalTo(3))
                .body("entries.reference", contains("third", "second"))
                .body("entries[0].requestFingerprint", nullValue());
        Api.backOffice().queryParam("size", 2).queryParam("page", 1).get("/accounts/{id}/journal", account).then()
                .body("entries", hasSize(1))
                .body("entries[0].reference", equalTo("first"));
        Api.backOffice().queryParam("size", 500).get("/accounts/{id}/journal", account).then().statusCode(400)
                .body("violations[0].field", containsString("size"));
    }

    private long movementEvents(String account) {
        return db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                account, AccountEvents.COLLATERAL_MOVEMENT_RECORDED.name());
    }
}
