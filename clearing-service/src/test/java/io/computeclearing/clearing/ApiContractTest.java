package io.computeclearing.clearing;

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
        assertThat(contract.operations()).contains("POST /trades", "GET /positions", "POST /give-ups/{id}/accept");
        assertThat(contract.gaps()).isEmpty();
    }
}
