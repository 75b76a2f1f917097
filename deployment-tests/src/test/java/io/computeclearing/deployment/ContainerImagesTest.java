package io.computeclearing.deployment;

import io.computeclearing.deployment.ValueSets.ServiceUnderTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles agree with the chart: the user the pods run as (uid 185), the port the probes ask, the fast-jar the
 * Quarkus build leaves in target/quarkus-app. (No container engine here: the images themselves are built in CI.)
 */
class ContainerImagesTest {

    @Test
    void eachServiceImageRunsTheFastJarAsTheChartsNonRootUserOnItsPort() throws IOException {
        Path root = ValueSets.CHART.directory().getParent().getParent();
        for (ServiceUnderTest service : ValueSets.SERVICES) {
            Path dockerfile = root.resolve(service.image()).resolve("src/main/docker/Dockerfile.jvm");
            List<String> instructions = Files.readAllLines(dockerfile).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith(" ")).toList();

            assertThat(instructions).as(dockerfile.toString())
                    .startsWith("FROM eclipse-temurin:21-jre")
                    .contains("USER 185", "EXPOSE " + service.port(),
                            "COPY --chown=185:185 target/quarkus-app/lib/ /deployments/lib/",
                            "COPY --chown=185:185 target/quarkus-app/app/ /deployments/app/",
                            "COPY --chown=185:185 target/quarkus-app/quarkus/ /deployments/quarkus/")
                    .endsWith("ENTRYPOINT [\"sh\", \"-c\", \"exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar\"]");
        }
    }
}
