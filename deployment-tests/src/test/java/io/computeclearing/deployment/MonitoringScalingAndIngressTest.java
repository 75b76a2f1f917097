package io.computeclearing.deployment;

import io.computeclearing.deployment.ValueSets.ServiceUnderTest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus scraping, disruption budgets, autoscaling and the Ingress point at the right pods and ports. */
class MonitoringScalingAndIngressTest {

    @Test
    void podsCarryPrometheusScrapeAnnotationsForTheirMetricsEndpoint() {
        for (ServiceUnderTest service : ValueSets.SERVICES) {
            Deployment deployment = ServiceConfigurationTest.deployment(ValueSets.defaults(), service);

            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(service.port()))
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    @Test
    void serviceMonitorsScrapeTheMetricsEndpointOfTheServicesTheySelect() {
        List<HasMetadata> objects = ValueSets.production();

        for (ServiceUnderTest service : ValueSets.SERVICES) {
            ServiceMonitor monitor = named(objects, ServiceMonitor.class, service.objectName());
            Service kubernetesService = named(objects, Service.class, service.objectName());

            assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
            assertThat(kubernetesService.getMetadata().getLabels())
                    .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.getPort()).isEqualTo("http");
                assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
                assertThat(endpoint.getInterval()).isEqualTo("15s");
            });
            assertThat(kubernetesService.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getPort()).isEqualTo(service.port());
            });
        }
    }

    @Test
    void autoscaledDeploymentsLeaveTheirReplicaCountToTheAutoscaler() {
        List<HasMetadata> objects = ValueSets.production();

        for (ServiceUnderTest service : ValueSets.SERVICES) {
            HorizontalPodAutoscaler autoscaler = named(objects, HorizontalPodAutoscaler.class, service.objectName());

            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service.objectName());
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(2);
            // clearing-service overrides the default maximum for the trade batches at the open.
            assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(service.key().equals("clearing") ? 10 : 6);
            assertThat(autoscaler.getSpec().getMetrics()).singleElement()
                    .satisfies(metric -> assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70));
            assertThat(named(objects, Deployment.class, service.objectName()).getSpec().getReplicas()).isNull();
        }
    }

    @Test
    void oneServiceCanBeKeptOutOfAutoscalingAndTheDisruptionBudget() {
        List<HasMetadata> objects = ValueSets.with(Map.of(
                "defaults.autoscaling.enabled", true,
                "services.settlement.autoscaling.enabled", false,
                "services.settlement.podDisruptionBudget.enabled", false,
                "services.settlement.replicas", 3));

        assertThat(TypedManifests.ofType(objects, HorizontalPodAutoscaler.class)).extracting(h -> h.getMetadata().getName())
                .containsExactly("ccp-compute-clearing-account", "ccp-compute-clearing-clearing", "ccp-compute-clearing-margin",
                        "ccp-compute-clearing-risk");
        assertThat(TypedManifests.ofType(objects, PodDisruptionBudget.class)).hasSize(4);
        assertThat(named(objects, Deployment.class, "ccp-compute-clearing-settlement").getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void disruptionBudgetsLetADrainTakeOnePodOfAServiceAtATime() {
        for (ServiceUnderTest service : ValueSets.SERVICES) {
            PodDisruptionBudget budget = named(ValueSets.defaults(), PodDisruptionBudget.class, service.objectName());

            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", service.image());
        }
    }

    @Test
    void theIngressGivesEachServiceItsOwnHostBehindTls() {
        Ingress ingress = named(ValueSets.production(), Ingress.class, "ccp-compute-clearing");

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("ccp-tls");
            assertThat(tls.getHosts()).containsExactly("account.ccp.example.com", "clearing.ccp.example.com",
                    "margin.ccp.example.com", "risk.ccp.example.com", "settlement.ccp.example.com");
        });
        assertThat(ingress.getSpec().getRules()).extracting(IngressRule::getHost).containsExactly(
                "account.ccp.example.com", "clearing.ccp.example.com", "margin.ccp.example.com",
                "risk.ccp.example.com", "settlement.ccp.example.com");
        // Only the API's prefixes and its OpenAPI document: /q/metrics and the health details stay inside.
        assertThat(ingress.getSpec().getRules().get(1).getHttp().getPaths()).extracting(path -> path.getPath())
                .containsExactly("/q/openapi", "/catalogue", "/business-days", "/trades", "/give-ups", "/positions",
                        "/open-interest", "/accounts", "/clock");
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                .allSatisfy(path -> {
                    assertThat(path.getPathType()).isEqualTo(path.getPath().equals("/q/openapi") ? "Exact" : "Prefix");
                    assertThat(path.getPath()).isNotEqualTo("/").satisfiesAnyOf(
                            p -> assertThat(p).isEqualTo("/q/openapi"), p -> assertThat(p).doesNotStartWith("/q"));
                    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
                }));
        assertThat(ingress.getSpec().getRules().get(1).getHttp().getPaths())
                .allSatisfy(path -> assertThat(path.getBackend().getService().getName())
                        .isEqualTo("ccp-compute-clearing-clearing"));
        // risk-service's host routes its stress and default fund sizing APIs to it (the contributions themselves are
        // account-service's /default-fund, on its own host; risk-service's paths are distinct from it).
        assertThat(ingress.getSpec().getRules().get(3).getHttp().getPaths()).allSatisfy(path ->
                        assertThat(path.getBackend().getService().getName()).isEqualTo("ccp-compute-clearing-risk"))
                .extracting(path -> path.getPath())
                .containsExactly("/q/openapi", "/scenarios", "/stress-runs", "/default-fund-sizings",
                        "/default-fund-status", "/backtests", "/accounts", "/clock");
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return TypedManifests.ofType(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
