package io.computeclearing.margin;

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
        assertThat(contract.operations()).contains("GET /margin/accounts/{accountId}", "POST /margin/what-if");
        assertThat(contract.gaps()).isEmpty();
    }
}
