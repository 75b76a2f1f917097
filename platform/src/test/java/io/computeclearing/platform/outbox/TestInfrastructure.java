package io.computeclearing.platform.outbox;

import io.computeclearing.testsupport.KafkaResource;
import io.computeclearing.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
