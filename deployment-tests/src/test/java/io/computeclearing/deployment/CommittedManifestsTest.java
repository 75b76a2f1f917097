package io.computeclearing.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/compute-clearing.yaml is the chart rendered with its default values (release "ccp"), committed for those who
 * apply plain manifests. This test keeps it in step with the chart; with -Dk8s.regenerate=true it rewrites it.
 */
class CommittedManifestsTest {

    static final String REGENERATE = "./mvnw -B -pl deployment-tests verify -Dk8s.regenerate=true";

    static final String HEADER = """
            # Compute Clearing: the five services as plain Kubernetes manifests.
            # GENERATED from helm/compute-clearing with its default values (release "ccp"): do not edit by hand.
            # Regenerate after changing the chart, from the repository root:
            #   %s
            # Apply into a namespace of your choice:  kubectl apply -n compute-clearing -f k8s/compute-clearing.yaml
            """.formatted(REGENERATE);

    @Test
    void committedManifestsEqualTheChartRenderedWithDefaultValues() throws IOException {
        Path file = Path.of(System.getProperty("manifests.dir", "../k8s")).resolve("compute-clearing.yaml");
        String expected = HEADER + ValueSets.defaultRendering();

        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(file, expected);
        }

        assertThat(file).as("k8s/compute-clearing.yaml is missing; create it with: " + REGENERATE).exists();
        assertThat(Files.readString(file))
                .as("k8s/compute-clearing.yaml differs from the chart; regenerate it with: " + REGENERATE)
                .isEqualTo(expected);
    }
}
