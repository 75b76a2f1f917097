package io.computeclearing.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The value sets the tests render the chart with, and the five services with what each one must get. Renderings are
 * cached: the chart does not change while the tests run.
 */
final class ValueSets {

    /** A service of the chart: its values key, its image (and container) name and its HTTP port. */
    record ServiceUnderTest(String key, String image, int port) {

        /** Name of the service's Deployment, Service, ConfigMap, ...: "ccp-compute-clearing-&lt;key&gt;". */
        String objectName() {
            return "ccp-compute-clearing-" + key;
        }
    }

    static final List<ServiceUnderTest> SERVICES = List.of(
            new ServiceUnderTest("account", "account-service", 8081),
            new ServiceUnderTest("clearing", "clearing-service", 8082),
            new ServiceUnderTest("margin", "margin-service", 8083),
            new ServiceUnderTest("settlement", "settlement-service", 8084),
            new ServiceUnderTest("risk", "risk-service", 8085));

    static final HelmChart CHART = HelmChart.ofCheckout();

    private static String defaultRendering;
    private static String productionRendering;

    private ValueSets() {
    }

    static synchronized String defaultRendering() {
        if (defaultRendering == null) {
            defaultRendering = CHART.renderDefaults();
        }
        return defaultRendering;
    }

    static synchronized String productionRendering() {
        if (productionRendering == null) {
            productionRendering = CHART.render(CHART.file("values-production.yaml"));
        }
        return productionRendering;
    }

    static List<HasMetadata> defaults() {
        return TypedManifests.parse(defaultRendering());
    }

    static List<HasMetadata> production() {
        return TypedManifests.parse(productionRendering());
    }

    /** The chart rendered with the defaults and these --set overrides. */
    static List<HasMetadata> with(Map<String, Object> settings) {
        return TypedManifests.parse(CHART.render(settings));
    }

    /** The chart rendered with a values file written from the given YAML text. */
    static String renderWithValues(Path directory, String valuesYaml) {
        try {
            Path file = Files.writeString(directory.resolve("values-under-test.yaml"), valuesYaml);
            return CHART.render(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
