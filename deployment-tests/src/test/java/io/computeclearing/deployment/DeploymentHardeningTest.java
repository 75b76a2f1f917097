package io.computeclearing.deployment;

import io.computeclearing.deployment.ValueSets.ServiceUnderTest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Deployment, with the default and with the production values, runs as a well-behaved pod: the three Quarkus
 * health probes, requests and limits on every container, non-root with a read-only root file system and a writable
 * /tmp, no service account token.
 */
class DeploymentHardeningTest {

    static Stream<Arguments> deployments() {
        List<Arguments> arguments = new ArrayList<>();
        for (var valueSet : List.of("default", "production")) {
            List<HasMetadata> objects = valueSet.equals("default") ? ValueSets.defaults() : ValueSets.production();
            for (ServiceUnderTest service : ValueSets.SERVICES) {
                Deployment deployment = TypedManifests.ofType(objects, Deployment.class).stream()
                        .filter(d -> d.getMetadata().getName().equals(service.objectName()))
                        .findFirst().orElseThrow();
                arguments.add(Arguments.of(valueSet, service, deployment));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("deployments")
    void probesAskTheQuarkusHealthEndpointsOnTheServicePort(String valueSet, ServiceUnderTest service, Deployment deployment) {
        Container container = serviceContainer(deployment, service);

        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(service.port());
        });
        assertProbe(container.getStartupProbe(), "/q/health/started");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        // Start (with a migration) may take minutes; liveness must not kill a pod that is still starting.
        assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
                .isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("deployments")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String valueSet, ServiceUnderTest service, Deployment deployment) {
        for (Container container : allContainers(deployment)) {
            var requests = container.getResources().getRequests();
            var limits = container.getResources().getLimits();
            assertThat(requests).as(container.getName() + " requests").containsKeys("cpu", "memory");
            assertThat(limits).as(container.getName() + " limits").containsKeys("cpu", "memory");
            assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                    .as(container.getName() + " memory limit not below its request")
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
        }
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("deployments")
    void podsRunAsNonRootWithAReadOnlyRootFileSystemAndAWritableTmp(String valueSet, ServiceUnderTest service,
                                                                       Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getServiceAccountName()).isEqualTo("ccp-compute-clearing");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> {
            assertThat(volume.getName()).isEqualTo("tmp");
            assertThat(volume.getEmptyDir()).isNotNull();
        });
        for (Container container : allContainers(deployment)) {
            assertThat(container.getSecurityContext().getRunAsNonRoot()).as(container.getName()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).singleElement().satisfies(mount -> {
                assertThat(mount.getName()).isEqualTo("tmp");
                assertThat(mount.getMountPath()).isEqualTo("/tmp");
            });
        }
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("deployments")
    void rollingUpdatesNeverGoBelowTheAskedReplicas(String valueSet, ServiceUnderTest service, Deployment deployment) {
        var rollingUpdate = deployment.getSpec().getStrategy().getRollingUpdate();

        assertThat(rollingUpdate.getMaxUnavailable().getIntVal()).isZero();
        assertThat(rollingUpdate.getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/name", service.image())
                .containsEntry("app.kubernetes.io/instance", "ccp");
    }

    static Container serviceContainer(Deployment deployment, ServiceUnderTest service) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly(service.image());
        return containers.getFirst();
    }

    private static List<Container> allContainers(Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(pod.getInitContainers());
        return containers;
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(probe.getPeriodSeconds()).isPositive();
        assertThat(probe.getTimeoutSeconds()).isPositive();
        assertThat(probe.getFailureThreshold()).isPositive();
    }
}
