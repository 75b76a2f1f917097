package io.computeclearing.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chart installs, object by object: every rendered document parses as a typed Kubernetes object (strictly,
 * see {@link TypedManifests}) and the set of kinds and names is exactly the expected one.
 */
class RenderedInventoryTest {

    /** In the order Helm renders them: by values key. */
    private static final List<String> PER_SERVICE = List.of(
            "ccp-compute-clearing-account", "ccp-compute-clearing-clearing",
            "ccp-compute-clearing-margin", "ccp-compute-clearing-risk", "ccp-compute-clearing-settlement");

    @Test
    void defaultValuesRenderTheFiveServicesWithTheirConfigurationSecretsAndDisruptionBudgets() {
        List<HasMetadata> objects = ValueSets.defaults();

        assertThat(objects).hasSize(26);
        assertThat(names(objects, "Deployment")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "Service")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "ConfigMap")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "Secret")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "PodDisruptionBudget")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "ServiceAccount")).containsExactly("ccp-compute-clearing");
        // Off by default: they need an ingress controller, the Prometheus Operator, a metrics server.
        assertThat(names(objects, "Ingress")).isEmpty();
        assertThat(names(objects, "ServiceMonitor")).isEmpty();
        assertThat(names(objects, "HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void productionValuesAddAutoscalersServiceMonitorsAndAnIngressAndWriteNoSecrets() {
        List<HasMetadata> objects = ValueSets.production();

        assertThat(objects).hasSize(32);
        assertThat(names(objects, "Deployment")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "HorizontalPodAutoscaler")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "ServiceMonitor")).containsExactlyElementsOf(PER_SERVICE);
        assertThat(names(objects, "Ingress")).containsExactly("ccp-compute-clearing");
        // Every credential comes from an existing Secret.
        assertThat(names(objects, "Secret")).isEmpty();
    }

    @Test
    void aDisabledServiceRendersNothing() {
        List<HasMetadata> objects = ValueSets.with(java.util.Map.of("services.settlement.enabled", false));

        assertThat(objects).noneMatch(o -> o.getMetadata().getName().endsWith("-settlement"));
        assertThat(names(objects, "Deployment")).hasSize(4);
    }

    private static List<String> names(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind)).map(o -> o.getMetadata().getName()).toList();
    }
}
