package io.computeclearing.settlement;

import io.computeclearing.testsupport.RefusalContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every documented operation refuses as problem+json: the {@link RefusalContract}, read from the OpenAPI document. */
@QuarkusTest
class RefusalContractTest {

    private RefusalContract contract;

    @BeforeEach
    void readTheOpenApiDocument() {
        contract = RefusalContract.ofRunningApplication();
        assertThat(contract.operations()).extracting(Object::toString).contains("POST /end-of-day/{businessDate}");
    }

    @Test
    void withoutAValidToken() {
        assertThat(contract.withoutAValidTokenEveryOperationIs401()).isEmpty();
    }

    @Test
    void withoutAnAllowedRole() {
        assertThat(contract.withoutAnAllowedRoleEveryOperationIs403()).isEmpty();
    }

    @Test
    void anUndocumentedMethod() {
        assertThat(contract.anUndocumentedMethodIs405()).isEmpty();
    }

    @Test
    void anUnacceptableAccept() {
        assertThat(contract.anUnacceptableAcceptIs406()).isEmpty();
    }

    @Test
    void aBodyOfTheWrongMediaType() {
        assertThat(contract.aBodyOfTheWrongMediaTypeIs415()).isEmpty();
    }

    @Test
    void aMalformedParameter() {
        assertThat(contract.aMalformedParameterIs400NamingIt()).isEmpty();
    }

    @Test
    void anUnknownPath() {
        assertThat(contract.anUnknownPathIs404()).isEmpty();
    }
}
