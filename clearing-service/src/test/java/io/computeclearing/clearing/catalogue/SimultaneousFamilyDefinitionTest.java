package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.Simultaneous;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One contract family defined by eight clients at once: one 201, seven 409 family-exists as for a repeat. */
@QuarkusTest
class SimultaneousFamilyDefinitionTest {

    private static final int CLIENTS = 8;

    @Inject
    DatabaseProbe db;

    @Test
    void oneOfEightDefinitionsWinsTheOthersAreToldItExists() {
        String symbol = Api.unique("RCE");
        String body = """
                {"symbol":"%s","description":"raced family","underlyingIndexId":"TEST-IDX","currency":"USD",
                 "contractUnit":1000,"unitDescription":"GPU-hour","tickSize":0.01,"listingCycleMonths":3,
                 "lastTradingDayRule":"LAST_BUSINESS_DAY_OF_MONTH","finalSettlementRule":"SINGLE_FIXING"}"""
                .formatted(symbol);

        List<Response> answers = Simultaneous.send(CLIENTS,
                () -> Api.backOffice().body(body).post("/catalogue/families"));

        assertThat(Simultaneous.statuses(answers)).first().isEqualTo(201);
        assertThat(answers.stream().filter(a -> a.statusCode() != 201).toList()).hasSize(CLIENTS - 1)
                .allSatisfy(a -> {
                    assertThat(a.statusCode()).isEqualTo(409);
                    assertThat(a.contentType()).startsWith("application/problem+json");
                    assertThat(a.jsonPath().getString("type")).isEqualTo("/problems/family-exists");
                });
        assertThat(db.count("select count(*) from contract_family where symbol = ?", symbol)).isEqualTo(1);
        assertThat(db.count("select count(*) from instrument where family_symbol = ?", symbol)).isEqualTo(3);
    }
}
