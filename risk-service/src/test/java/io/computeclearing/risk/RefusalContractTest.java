package io.computeclearing.risk;

import io.computeclearing.testsupport.RefusalContractChecks;
import io.quarkus.test.junit.QuarkusTest;

/** Every documented operation refuses as problem+json (test-support's checks over the OpenAPI document). */
@QuarkusTest
class RefusalContractTest extends RefusalContractChecks {

    @Override
    protected String aDocumentedOperation() {
        return "GET /parked-events";
    }
}
