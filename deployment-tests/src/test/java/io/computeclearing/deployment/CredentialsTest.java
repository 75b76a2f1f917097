package io.computeclearing.deployment;

import io.computeclearing.deployment.ValueSets.ServiceUnderTest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database, OIDC and Kafka credentials reach the containers only through Secrets: the chart's own, written from
 * values, or existing ones named in values, in which case the chart writes none.
 */
class CredentialsTest {

    @Test
    void byDefaultTheChartWritesEachServicesDatabaseCredentialsIntoItsOwnSecret() {
        List<HasMetadata> objects = ValueSets.defaults();

        for (ServiceUnderTest service : ValueSets.SERVICES) {
            Secret secret = secret(objects, service.objectName());
            assertThat(decoded(secret)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "database-username", "postgres", "database-password", "postgres"));
            Container container = serviceContainer(objects, service);
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_USERNAME").getName()).isEqualTo(service.objectName());
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_PASSWORD").getKey()).isEqualTo("database-password");
            // No client secret given: none set, and no Kafka credentials over PLAINTEXT.
            assertThat(container.getEnv()).extracting(EnvVar::getName)
                    .doesNotContain("QUARKUS_OIDC_CREDENTIALS_SECRET", "KAFKA_SASL_JAAS_CONFIG");
        }
    }

    @Test
    void existingSecretNamesAndKeysAreUsedAndNoSecretIsWritten() {
        List<HasMetadata> objects = ValueSets.production();

        assertThat(TypedManifests.ofType(objects, Secret.class)).isEmpty();
        for (ServiceUnderTest service : ValueSets.SERVICES) {
            Container container = serviceContainer(objects, service);
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_USERNAME"))
                    .extracting(SecretKeySelector::getName, SecretKeySelector::getKey)
                    .containsExactly("ccp-" + service.key() + "-db", "database-username");
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_PASSWORD"))
                    .extracting(SecretKeySelector::getName, SecretKeySelector::getKey)
                    .containsExactly("ccp-" + service.key() + "-db", "database-password");
            assertThat(secretRef(container, "QUARKUS_OIDC_CREDENTIALS_SECRET"))
                    .extracting(SecretKeySelector::getName, SecretKeySelector::getKey)
                    .containsExactly("ccp-oidc-clients", service.image());
            assertThat(secretRef(container, "CCP_KAFKA_SASL_USERNAME"))
                    .extracting(SecretKeySelector::getName, SecretKeySelector::getKey)
                    .containsExactly("ccp-kafka-sasl", "username");
            assertThat(secretRef(container, "CCP_KAFKA_SASL_PASSWORD"))
                    .extracting(SecretKeySelector::getName, SecretKeySelector::getKey)
                    .containsExactly("ccp-kafka-sasl", "password");
        }
    }

    /** The kubelet expands $(VAR) from variables defined before it: order matters. */
    @Test
    void kafkaJaasConfigurationIsComposedFromTheSecretVariablesDefinedBeforeIt() {
        Container container = serviceContainer(ValueSets.production(), ValueSets.SERVICES.getFirst());
        List<String> names = container.getEnv().stream().map(EnvVar::getName).toList();

        assertThat(ServiceConfigurationTest.env(container)).containsEntry("KAFKA_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"$(CCP_KAFKA_SASL_USERNAME)\" password=\"$(CCP_KAFKA_SASL_PASSWORD)\";");
        assertThat(names.indexOf("KAFKA_SASL_JAAS_CONFIG"))
                .isGreaterThan(names.indexOf("CCP_KAFKA_SASL_USERNAME"))
                .isGreaterThan(names.indexOf("CCP_KAFKA_SASL_PASSWORD"));
    }

    @Test
    void oneExistingSecretReplacesOnlyThatServicesDatabaseCredentials() {
        List<HasMetadata> objects = ValueSets.with(Map.of("services.margin.database.existingSecret", "margin-db"));

        assertThat(TypedManifests.ofType(objects, Secret.class)).extracting(s -> s.getMetadata().getName())
                .containsExactly("ccp-compute-clearing-account", "ccp-compute-clearing-clearing",
                        "ccp-compute-clearing-risk", "ccp-compute-clearing-settlement");
        assertThat(secretRef(serviceContainer(objects, ValueSets.SERVICES.get(2)), "QUARKUS_DATASOURCE_PASSWORD").getName())
                .isEqualTo("margin-db");
    }

    @Test
    void kafkaSaslCredentialsFromValuesGoIntoTheChartsKafkaSecret() {
        List<HasMetadata> objects = ValueSets.with(Map.of(
                "kafka.securityProtocol", "SASL_PLAINTEXT", "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.username", "ccp", "kafka.sasl.password", "s3cret"));

        assertThat(decoded(secret(objects, "ccp-compute-clearing-kafka")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("sasl-username", "ccp", "sasl-password", "s3cret"));
        Container container = serviceContainer(objects, ValueSets.SERVICES.get(3));
        assertThat(secretRef(container, "CCP_KAFKA_SASL_PASSWORD").getName()).isEqualTo("ccp-compute-clearing-kafka");
        assertThat(ServiceConfigurationTest.env(container).get("KAFKA_SASL_JAAS_CONFIG"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required ");
    }

    @Test
    void anOidcClientSecretFromValuesGoesIntoTheServicesSecret() {
        List<HasMetadata> objects = ValueSets.with(Map.of("services.account.oidc.clientSecret", "account-service-secret"));

        assertThat(decoded(secret(objects, "ccp-compute-clearing-account")))
                .containsEntry("oidc-client-secret", "account-service-secret");
        assertThat(secretRef(serviceContainer(objects, ValueSets.SERVICES.getFirst()), "QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .extracting(SecretKeySelector::getName, SecretKeySelector::getKey)
                .containsExactly("ccp-compute-clearing-account", "oidc-client-secret");
    }

    private static Container serviceContainer(List<HasMetadata> objects, ServiceUnderTest service) {
        return DeploymentHardeningTest.serviceContainer(ServiceConfigurationTest.deployment(objects, service), service);
    }

    private static Secret secret(List<HasMetadata> objects, String name) {
        return TypedManifests.ofType(objects, Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> decoded(Secret secret) {
        return secret.getData().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }

    private static SecretKeySelector secretRef(Container container, String variable) {
        return container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .orElseThrow(() -> new AssertionError(variable + " not set in " + container.getName()));
    }
}
