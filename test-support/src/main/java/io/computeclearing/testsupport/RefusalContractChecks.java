package io.computeclearing.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation of the running application refuses as problem+json: the {@link RefusalContract}, read
 * from its OpenAPI document. A service's test extends this as a {@code @QuarkusTest} and names one operation it must
 * document, so that an empty document cannot pass.
 */
public abstract class RefusalContractChecks {

    private RefusalContract contract;

    /** An operation the service documents, as {@code "POST /trades"}. */
    protected abstract String aDocumentedOperation();

    @BeforeEach
    void readTheOpenApiDocument() {
        contract = RefusalContract.ofRunningApplication();
        assertThat(contract.operations()).extracting(Object::toString).contains(aDocumentedOperation());
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
