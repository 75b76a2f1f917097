package io.computeclearing.risk;

import io.computeclearing.testsupport.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of this service's OpenAPI document states its responses, examples, roles and member rule. */
@QuarkusTest
class ApiContractTest {

    @Test
    void everyOperationIsFullyDocumented() {
        OpenApiContract contract = OpenApiContract.served();
        assertThat(contract.operations()).contains("GET /accounts", "GET /parked-events");
        assertThat(contract.gaps()).isEmpty();
    }
}
