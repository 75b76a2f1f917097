package io.computeclearing.account.bounds;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Regression tests of issue 11: amounts, names, ids and pages outside their documented bounds are refused with
 * problem+json naming the field, and nothing is written.
 */
@QuarkusTest
class BoundedInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DatabaseProbe db;

    @ParameterizedTest
    @ValueSource(strings = {"1E+400", "1e131071", "1000000000000000", "0.001", "-5"})
    void aDepositOutsideTheAmountDomainIsRefusedAndWritesNothing(String amount) {
        String account = Api.newAccount("BOUND", "USD");
        refusedWithoutWriting(() -> Api.depositCash(account, Api.idempotencyKey(), "USD", amount, "wire").then(),
                "/problems/validation", "amount");
    }

    @Test
    void theLargestDepositIsAcceptedExactly() {
        String account = Api.newAccount("BOUND", "USD");
        Api.depositCash(account, Api.idempotencyKey(), "USD", "999999999999999.99", "wire").then().statusCode(201)
                .body("postings[0].quantity", equalTo(new BigDecimal("999999999999999.99")));
    }

    @Test
    void aNumberWhereAStringBelongsIsNotCoerced() {
        String account = Api.newAccount("BOUND", "USD");
        refusedWithoutWriting(() -> Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                        .body("{\"currency\":\"USD\",\"amount\":10,\"reference\":123}")
                        .post("/accounts/{id}/deposits", account).then(),
                "/problems/malformed-request", "reference");
        refusedWithoutWriting(() -> Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                        .body("{\"currency\":\"USD\",\"amount\":\"10\",\"reference\":\"wire\"}")
                        .post("/accounts/{id}/deposits", account).then(),
                "/problems/malformed-request", "amount");
    }

    @Test
    void aPlainTextBodyIsRefused() {
        String account = Api.newAccount("BOUND", "USD");
        long before = writes();
        Api.backOffice().header("Idempotency-Key", Api.idempotencyKey()).contentType("text/plain").body("{}")
                .post("/accounts/{id}/deposits", account).then().statusCode(415).contentType(PROBLEM);
        assertThat(writes()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 100_000})
    void aLegalNameLongerThanItsColumnIsRefused(int length) {
        refusedWithoutWriting(() -> register(Api.unique("LONG"), "N".repeat(length)), "/problems/validation",
                "legalName");
    }

    @Test
    void aControlCharacterInANameIsRefused() {
        refusedWithoutWriting(() -> register(Api.unique("NUL"), "Null\\u0000 Clearing"), "/problems/validation",
                "legalName");
    }

    @Test
    void aMemberIdOutsideItsAlphabetIsRefused() {
        refusedWithoutWriting(() -> register("ÄLPHA", "Umlaut Clearing"), "/problems/validation", "id");
    }

    @Test
    void aNulInAPathIsRefused() {
        Api.backOffice().urlEncodingEnabled(false).get("/accounts/A%00B/balances").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("/problems/malformed-parameter"));
    }

    @Test
    void aPageBeyondTheBoundIsRefused() {
        String account = Api.newAccount("BOUND", "USD");
        Api.backOffice().get("/accounts/{id}/journal?page=2147483647", account).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("page"));
        Api.backOffice().get("/margin-calls?page=2147483647").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("page"));
        Api.backOffice().get("/accounts/{id}/journal?page=100000&size=200", account).then().statusCode(200);
    }

    private static ValidatableResponse register(String id, String legalName) {
        return Api.backOffice().body("""
                        {"id":"%s","legalName":"%s","lei":"%s","membershipType":"GENERAL_CLEARING_MEMBER"}"""
                        .formatted(id, legalName, Api.lei()))
                .post("/members").then();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+400", "1e131071", "1000000000000", "0.00000000001"})
    void anFxRateOutsideItsDomainIsRefusedWithTheBoundNamed(String rate) {
        long before = db.count("select count(*) from fx_rate");
        Api.backOffice().body("{\"rate\":" + rate + "}").put("/collateral/fx-rates/USD/CNY").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("rate"));
        assertThat(db.count("select count(*) from fx_rate")).isEqualTo(before);
    }

    @Test
    void aSecurityPriceBeyondEightDecimalsIsRefusedWithTheBoundNamed() {
        Api.backOffice().body("""
                        {"description":"d","assetType":"GOVERNMENT_BOND","currency":"USD","price":1.000000001}""")
                .put("/collateral/securities/US0000BOUND1").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("price"))
                .body("violations[0].message",
                        equalTo("must have at most 12 digits before the decimal point and 8 after it"));
    }

    private void refusedWithoutWriting(Supplier<ValidatableResponse> request, String type, String field) {
        long before = writes();
        request.get().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(type))
                .body("violations[0].field", equalTo(field))
                .body("detail", not(containsString("java")));
        assertThat(writes()).isEqualTo(before);
    }

    /** Rows a refused request could have written: members, journal entries and events. */
    private long writes() {
        return db.count("select count(*) from clearing_member") + db.count("select count(*) from journal_entry")
                + db.count("select count(*) from outbox_event");
    }
}
