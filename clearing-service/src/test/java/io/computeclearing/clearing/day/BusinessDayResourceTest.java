package io.computeclearing.clearing.day;

import io.computeclearing.clearing.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The back office opens a business day, may open it again harmlessly, closes it once and for all. */
@QuarkusTest
class BusinessDayResourceTest {

    @Test
    void aDayIsOpenedAndClosedAndStaysClosed() {
        Api.backOffice().post("/business-days/2025-06-02/open").then().statusCode(200)
                .body("date", equalTo("2025-06-02"))
                .body("status", equalTo("OPEN"))
                .body("closedAt", nullValue());
        Api.backOffice().post("/business-days/2025-06-02/open").then().statusCode(200).body("status", equalTo("OPEN"));

        Api.backOffice().post("/business-days/2025-06-02/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        Api.backOffice().post("/business-days/2025-06-02/close").then().statusCode(200).body("status", equalTo("CLOSED"));

        Api.backOffice().post("/business-days/2025-06-02/open").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/business-day-closed"));
        Api.backOffice().queryParam("status", "CLOSED").get("/business-days").then().statusCode(200)
                .body("date", hasItem("2025-06-02"));
    }

    @Test
    void closingADayThatWasNeverOpenedIsNotFound() {
        Api.backOffice().post("/business-days/2025-06-09/close").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }
}
