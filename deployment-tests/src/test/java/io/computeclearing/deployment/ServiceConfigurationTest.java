package io.computeclearing.deployment;

import io.computeclearing.deployment.ValueSets.ServiceUnderTest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service gets its own database, the shared Kafka and OIDC settings and its own OIDC client, as the
 * environment variables Quarkus maps to the properties of its application.properties; and the Flyway migration
 * runs in an init container of the same image before the service starts.
 */
class ServiceConfigurationTest {

    @Test
    void eachServiceGetsItsOwnDatabaseAndOidcClientAndTheSharedKafka() {
        List<HasMetadata> objects = ValueSets.defaults();

        for (ServiceUnderTest service : ValueSets.SERVICES) {
            Map<String, String> config = configMap(objects, service).getData();
            assertThat(config)
                    .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(service.port()))
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgresql:5432/" + service.key())
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
                    .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://keycloak:8080/realms/ccp")
                    .containsEntry("QUARKUS_OIDC_CLIENT_ID", service.image())
                    .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
                    .doesNotContainKey("KAFKA_SASL_MECHANISM");
        }
    }

    @Test
    void defaultReferenceDataIsOffUnlessSwitchedOn() {
        for (ServiceUnderTest service : ValueSets.SERVICES) {
            assertThat(configMap(ValueSets.defaults(), service).getData())
                    .containsEntry("CCP_REFERENCE_DATA_DEFAULTS", "false");
            assertThat(configMap(ValueSets.production(), service).getData())
                    .containsEntry("CCP_REFERENCE_DATA_DEFAULTS", "false");
            assertThat(configMap(ValueSets.with(Map.of("referenceData.defaults", "true")), service).getData())
                    .containsEntry("CCP_REFERENCE_DATA_DEFAULTS", "true");
        }
    }

    @Test
    void productionValuesReachPostgresqlOverTlsAndKafkaOverSaslSsl() {
        Map<String, String> config = configMap(ValueSets.production(), ValueSets.SERVICES.get(1)).getData();

        assertThat(config)
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgresql.databases.svc.cluster.local:5432/"
                        + "clearing?sslmode=verify-full&sslrootcert=/etc/ssl/certs/ca-certificates.crt")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://sso.example.com/realms/ccp");
    }

    @Test
    void theMigrationInitContainerRunsFlywayWithTheServiceImageAndExits() {
        for (ServiceUnderTest service : ValueSets.SERVICES) {
            Deployment deployment = deployment(ValueSets.defaults(), service);
            Container main = DeploymentHardeningTest.serviceContainer(deployment, service);

            assertThat(deployment.getSpec().getTemplate().getSpec().getInitContainers()).singleElement().satisfies(init -> {
                assertThat(init.getName()).isEqualTo("migrate");
                assertThat(init.getImage()).isEqualTo(main.getImage())
                        .isEqualTo("compute-clearing/" + service.image() + ":0.1.0-SNAPSHOT");
                assertThat(init.getEnvFrom()).singleElement()
                        .satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo(service.objectName()));
                assertThat(env(init)).containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                        .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
                // The same database credentials as the service.
                assertThat(init.getEnv()).extracting(EnvVar::getName)
                        .contains("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
            });
            assertThat(env(main)).doesNotContainKeys("QUARKUS_INIT_AND_EXIT", "QUARKUS_FLYWAY_MIGRATE_AT_START");
        }
    }

    @Test
    void migrationAtStartLeavesOutTheInitContainerAndLetsTheServiceMigrate() {
        List<HasMetadata> objects = ValueSets.with(Map.of("migration.mode", "atStart"));

        for (ServiceUnderTest service : ValueSets.SERVICES) {
            assertThat(deployment(objects, service).getSpec().getTemplate().getSpec().getInitContainers()).isEmpty();
            assertThat(configMap(objects, service).getData()).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        }
    }

    @Test
    void aChangedConfigurationRollsThePods() {
        String before = podAnnotation(ValueSets.defaults(), "checksum/config");
        String after = podAnnotation(ValueSets.with(Map.of("kafka.bootstrapServers", "kafka-0:9092")), "checksum/config");

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void extraEnvironmentVariablesReachTheServiceContainer() {
        List<HasMetadata> objects = ValueSets.with(Map.of(
                "services.margin.extraEnv[0].name", "QUARKUS_LOG_LEVEL",
                "services.margin.extraEnv[0].value", "DEBUG"));
        ServiceUnderTest margin = ValueSets.SERVICES.get(2);

        assertThat(env(DeploymentHardeningTest.serviceContainer(deployment(objects, margin), margin)))
                .containsEntry("QUARKUS_LOG_LEVEL", "DEBUG");
        ServiceUnderTest account = ValueSets.SERVICES.getFirst();
        assertThat(env(DeploymentHardeningTest.serviceContainer(deployment(objects, account), account)))
                .doesNotContainKey("QUARKUS_LOG_LEVEL");
    }

    /** A private CA for PostgreSQL or Kafka must reach the migration as well as the service. */
    @Test
    void extraVolumesAreMountedInTheServiceAndTheMigrationContainers() {
        List<HasMetadata> objects = ValueSets.with(Map.of(
                "defaults.extraVolumes[0].name", "ca",
                "defaults.extraVolumes[0].secret.secretName", "corporate-ca",
                "defaults.extraVolumeMounts[0].name", "ca",
                "defaults.extraVolumeMounts[0].mountPath", "/etc/ccp/ca",
                "defaults.extraVolumeMounts[0].readOnly", true));

        for (ServiceUnderTest service : ValueSets.SERVICES) {
            var pod = deployment(objects, service).getSpec().getTemplate().getSpec();
            assertThat(pod.getVolumes()).extracting(io.fabric8.kubernetes.api.model.Volume::getName).containsExactly("tmp", "ca");
            assertThat(pod.getVolumes().get(1).getSecret().getSecretName()).isEqualTo("corporate-ca");
            for (Container container : List.of(pod.getContainers().getFirst(), pod.getInitContainers().getFirst())) {
                assertThat(container.getVolumeMounts()).as(container.getName())
                        .extracting(m -> m.getName() + ":" + m.getMountPath() + ":" + Boolean.TRUE.equals(m.getReadOnly()))
                        .containsExactly("tmp:/tmp:false", "ca:/etc/ccp/ca:true");
            }
        }
    }

    static ConfigMap configMap(List<HasMetadata> objects, ServiceUnderTest service) {
        return TypedManifests.ofType(objects, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(service.objectName())).findFirst().orElseThrow();
    }

    static Deployment deployment(List<HasMetadata> objects, ServiceUnderTest service) {
        return TypedManifests.ofType(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(service.objectName())).findFirst().orElseThrow();
    }

    /** The literal environment values of a container (those from Secrets have no value). */
    static Map<String, String> env(Container container) {
        return container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static String podAnnotation(List<HasMetadata> objects, String name) {
        return deployment(objects, ValueSets.SERVICES.getFirst()).getSpec().getTemplate().getMetadata()
                .getAnnotations().get(name);
    }
}
