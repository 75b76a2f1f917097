package io.computeclearing.clearing.bounds;

import io.computeclearing.clearing.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Regression tests of issue 11: pages, dates and a family's contract unit beyond their bounds are refused as
 * problem+json.
 */
@QuarkusTest
class BoundedInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DatabaseProbe db;

    @Test
    void aPageBeyondTheBoundIsRefusedAndTheLastPageIsEmpty() {
        Api.backOffice().get("/trades?page=2147483647").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("page"));
        Api.backOffice().get("/trades?page=0&size=1001").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("size"));
        Api.backOffice().get("/trades?page=100000&size=1000").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aRollAsOfAYearOutsideTheBusinessYearsIsRefusedAndListsNothing() {
        long before = db.count("select count(*) from instrument") + db.count("select count(*) from outbox_event");
        Api.backOffice().post("/catalogue/listings/roll?asOf=-999999999-01-01").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-parameter"))
                .body("detail", equalTo("query parameter 'asOf' must be a date (YYYY-MM-DD) in the years 2000 to 2199"));
        assertThat(db.count("select count(*) from instrument") + db.count("select count(*) from outbox_event"))
                .isEqualTo(before);
    }

    @Test
    void aContractUnitMarginServiceCannotStoreIsRefusedAndTheLargestItCanIsKept() {
        String tooLarge = Api.unique("CUX");
        long before = db.count("select count(*) from contract_family");
        Api.backOffice().body(family(tooLarge, "1E+15")).post("/catalogue/families").then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("contractUnit"))
                .body("violations[0].message",
                        equalTo("must have at most 14 digits before the decimal point and 4 after it"));
        assertThat(db.count("select count(*) from contract_family")).isEqualTo(before);

        Api.backOffice().body(family(Api.unique("CUL"), "99999999999999.9999")).post("/catalogue/families")
                .then().statusCode(201);
    }

    private static String family(String symbol, String contractUnit) {
        return """
                {"symbol":"%s","description":"d","underlyingIndexId":"X","currency":"USD",
                 "contractUnit":%s,"unitDescription":"u","tickSize":0.01,"listingCycleMonths":3,
                 "lastTradingDayRule":"LAST_BUSINESS_DAY_OF_MONTH","finalSettlementRule":"SINGLE_FIXING"}"""
                .formatted(symbol, contractUnit);
    }
}
