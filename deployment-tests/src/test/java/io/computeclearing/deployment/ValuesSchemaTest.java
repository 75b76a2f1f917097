package io.computeclearing.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json stops a wrong value before anything reaches the cluster, with a message naming the value. */
class ValuesSchemaTest {

    @Test
    void replicasMustBeANumber() {
        assertThatThrownBy(() -> ValueSets.CHART.render(Map.of("defaults.replicas", "two")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("/defaults/replicas")
                .hasMessageContaining("got string, want integer");
    }

    @Test
    void aMisspeltKeyIsRejectedNotIgnored(@TempDir Path directory) {
        assertThatThrownBy(() -> ValueSets.renderWithValues(directory, """
                services:
                  clearing:
                    replica: 3
                """))
                .hasMessageContaining("/services/clearing")
                .hasMessageContaining("additional properties 'replica' not allowed");
    }

    @Test
    void kafkaSecurityProtocolMustBeOneKafkaKnows() {
        assertThatThrownBy(() -> ValueSets.CHART.render(Map.of("kafka.securityProtocol", "TLS")))
                .hasMessageContaining("/kafka/securityProtocol");
    }

    @Test
    void podsCannotBeSwitchedToRunAsRoot() {
        assertThatThrownBy(() -> ValueSets.CHART.render(Map.of("podSecurityContext.runAsNonRoot", false)))
                .hasMessageContaining("/podSecurityContext/runAsNonRoot");
    }

    @Test
    void migrationModeIsInitContainerOrAtStart() {
        assertThatThrownBy(() -> ValueSets.CHART.render(Map.of("migration.mode", "hook")))
                .hasMessageContaining("/migration/mode");
    }

    @Test
    void theReferenceDataSwitchIsABoolean() {
        assertThatThrownBy(() -> ValueSets.CHART.render(Map.of("referenceData.defaults", "yes please")))
                .hasMessageContaining("/referenceData/defaults");
    }

    @Test
    void aMemoryLimitMustBeAKubernetesQuantity() {
        assertThatThrownBy(() -> ValueSets.CHART.render(Map.of("services.margin.resources.limits.memory", "1 GB")))
                .hasMessageContaining("/services/margin/resources/limits/memory");
    }
}
