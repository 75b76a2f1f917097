package io.computeclearing.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The strict parser the other tests rely on really is strict: fabric8's models would otherwise keep an unknown field
 * in additionalProperties and a typo in the chart would pass every test.
 */
class TypedManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: probe-check
            spec:
              selector:
                matchLabels: {app: probe-check}
              template:
                metadata:
                  labels: {app: probe-check}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      %s:
                        httpGet: {path: /q/health/ready, port: 8080}
            """;

    @Test
    void aWellFormedDeploymentParsesTyped() {
        var objects = TypedManifests.parse(DEPLOYMENT.formatted("readinessProbe"));

        assertThat(objects).singleElement().isInstanceOf(Deployment.class);
        Deployment deployment = (Deployment) objects.getFirst();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    }

    @Test
    void aMisspeltFieldFailsTheParse() {
        assertThatThrownBy(() -> TypedManifests.parse(DEPLOYMENT.formatted("readinesProbe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Deployment probe-check")
                .hasMessageContaining("readinesProbe");
    }

    @Test
    void aKindTheChartShouldNotRenderFailsTheParse() {
        assertThatThrownBy(() -> TypedManifests.parse("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: too-much}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected kind rbac.authorization.k8s.io/v1/ClusterRole");
    }

    @Test
    void aLabelWrittenTwiceFailsTheParse() {
        assertThatThrownBy(() -> TypedManifests.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: twice
                  labels:
                    app: a
                    app: b
                """))
                .hasMessageContaining("Duplicate field 'app'");
    }
}
