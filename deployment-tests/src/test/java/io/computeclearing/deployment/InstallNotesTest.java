package io.computeclearing.deployment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NOTES.txt tells the operator what was installed, what it expects outside the chart and how to reach it. */
class InstallNotesTest {

    @Test
    void notesNameEachServiceItsAddressAndTheExternalSystems() {
        String notes = ValueSets.CHART.installDryRunOutput(null);

        assertThat(notes)
                .contains("Compute Clearing 0.1.0-SNAPSHOT is installed as release \"ccp\" in namespace \"compute-clearing\".")
                .contains("account-service: http://ccp-compute-clearing-account.compute-clearing.svc:8081 (1 replica(s)), database \"account\"")
                .contains("settlement-service: http://ccp-compute-clearing-settlement.compute-clearing.svc:8084")
                .contains("risk-service: http://ccp-compute-clearing-risk.compute-clearing.svc:8085 (1 replica(s)), database \"risk\"")
                .contains("PostgreSQL: postgresql:5432")
                .contains("Kafka:      kafka:9092 (PLAINTEXT)")
                .contains("OIDC:       http://keycloak:8080/realms/ccp")
                .contains("kubectl port-forward --namespace compute-clearing svc/ccp-compute-clearing-clearing 8082:8082")
                // The development password of values.yaml is called out, once per service.
                .contains("WARNING: clearing-service uses the development database password");
    }

    @Test
    void productionNotesPointAtTheIngressHostsAndWarnOfNoDevelopmentPassword() {
        String notes = ValueSets.CHART.installDryRunOutput(ValueSets.CHART.file("values-production.yaml"));

        assertThat(notes)
                .contains("margin-service: http://ccp-compute-clearing-margin.compute-clearing.svc:8083 (2-6 replicas, autoscaled)")
                .contains("https://clearing.ccp.example.com/q/openapi")
                .contains("https://risk.ccp.example.com/q/openapi")
                .contains("(scraped through the ServiceMonitors)")
                .doesNotContain("WARNING");
    }
}
