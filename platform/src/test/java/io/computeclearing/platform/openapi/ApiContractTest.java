package io.computeclearing.platform.openapi;

import io.computeclearing.testsupport.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What ApiContract adds to the operations the platform serves itself: the account directory and the clock. */
@QuarkusTest
class ApiContractTest {

    private static final String GET_ONE = "paths.'/accounts/{id}'.get";
    private static final String PROBLEM = "'application/problem+json'";

    @Test
    void everyOperationIsFullyDocumented() {
        OpenApiContract contract = OpenApiContract.served();
        // The /probe resources are ProblemMappersTest's, not the platform's.
        assertThat(contract.operations()).filteredOn(operation -> !operation.contains(" /probe"))
                .containsExactly("GET /accounts", "GET /accounts/{id}", "GET /clock", "GET /parked-events",
                        "GET /parked-events/{id}", "POST /parked-events/replay", "POST /parked-events/{id}/discard",
                        "PUT /clock");
        assertThat(contract.gaps()).filteredOn(gap -> !gap.contains(" /probe")).isEmpty();
    }

    @Test
    void rolesComeFromRolesAllowedAndProblemsCarryTheirType() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(GET_ONE + ".'x-roles'", contains("back-office", "risk", "admin", "member"))
                .body(GET_ONE + ".description", endsWith("Roles: back-office, risk, admin, member."))
                .body("paths.'/accounts'.get.'x-roles'", contains("back-office", "risk", "admin"))
                .body(GET_ONE + ".responses.'404'.content." + PROBLEM + ".example.type", equalTo("/problems/not-found"))
                .body(GET_ONE + ".responses.'404'.content." + PROBLEM + ".example.status", equalTo(404))
                .body(GET_ONE + ".responses.'401'.content." + PROBLEM + ".example.status", equalTo(401))
                .body(GET_ONE + ".responses.'403'.content." + PROBLEM + ".schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.required", hasItems("type", "title", "status"));
    }
}
