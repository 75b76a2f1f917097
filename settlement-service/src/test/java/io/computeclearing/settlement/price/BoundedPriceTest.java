package io.computeclearing.settlement.price;

import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.CollateralMovementRecorded;
import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.computeclearing.settlement.SettlementApi.backOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Regression tests of issue 11: a settlement price outside its documented domain, a batch beyond its maximum size
 * and a date outside the business years are refused as problem+json and nothing is written; the largest collateral
 * movement account-service accepts is applied by the statement's collateral projection.
 */
@QuarkusTest
class BoundedPriceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DatabaseProbe db;

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "1e131071", "100000000000000000", "2.123456789"})
    void aPriceOutsideItsDomainIsRefusedAndNothingIsWritten(String price) {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.000000001", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-07", LocalDate.of(2029, 7, 31));
        long before = writes();
        backOffice().body("[{\"instrumentId\":\"" + gpu.id() + "\",\"price\":" + price + "}]")
                .post("/settlement-prices/{date}", day.toString()).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("[0].price"));
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void theLargestPriceIsPublishedExactly() {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.00000001", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-07", LocalDate.of(2029, 7, 31));
        // publishPrices waits until the listing has arrived (422 unknown-instrument before).
        SettlementApi.publishPrices(day, Map.of(gpu.id(), "999999999999.99999999")).then().statusCode(200)
                .body("[0].price", equalTo(new BigDecimal("999999999999.99999999")));
    }

    @Test
    void moreThanTheMaximumNumberOfPricesIsRefused() {
        LocalDate day = SettlementApi.newWeek();
        String body = IntStream.range(0, SettlementPriceResource.MAX_PRICES + 1)
                .mapToObj(i -> "{\"instrumentId\":\"X-" + i + "\",\"price\":1}")
                .collect(Collectors.joining(",", "[", "]"));
        long before = writes();
        backOffice().body(body).post("/settlement-prices/{date}", day.toString()).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("/problems/validation"));
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aDateOutsideTheBusinessYearsIsRefused() {
        backOffice().get("/settlement-prices/{date}", "-999999999-01-01").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("/problems/malformed-parameter"));
        backOffice().body("[{\"instrumentId\":\"X\",\"price\":1}]").post("/settlement-prices/{date}", "1999-12-31")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-parameter"));
    }

    @Test
    void theLargestDepositAccountServiceAcceptsIsAppliedToTheStatement() {
        String member = SettlementApi.unique("BIG");
        String account = SettlementApi.account(member, "USD");
        BigDecimal largest = new BigDecimal("999999999999999.99");
        SettlementApi.publish(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account, new CollateralMovementRecorded(
                "E-" + account, account, member, "DEPOSIT", "USD", largest, Instant.parse("2029-07-02T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from statement_cash_movement where account_id = ? and quantity = ?", account,
                largest) == 1);
    }

    private long writes() {
        return db.count("select count(*) from settlement_price") + db.count("select count(*) from outbox_event");
    }
}
