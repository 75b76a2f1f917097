package io.computeclearing.clearing.bounds;

import io.computeclearing.clearing.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Regression tests of issue 11: pages and dates beyond their bounds are refused as problem+json. */
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
}
