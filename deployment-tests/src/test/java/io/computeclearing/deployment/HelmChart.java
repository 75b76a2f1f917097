package io.computeclearing.deployment;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The chart in helm/compute-clearing, driven through Helm's own Go library (helm-java from Maven Central), so lint
 * and template behave exactly as the helm command line does, without a helm binary or a cluster.
 */
final class HelmChart {

    /** Release name the committed manifests in k8s/ are rendered with. */
    static final String RELEASE = "ccp";
    /** Namespace the tests render into. */
    static final String NAMESPACE = "compute-clearing";

    private final Path directory;

    private HelmChart(Path directory) {
        this.directory = directory;
    }

    /** The chart of this checkout (surefire passes its path as the system property chart.dir). */
    static HelmChart ofCheckout() {
        Path directory = Path.of(System.getProperty("chart.dir", "../helm/compute-clearing")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(directory.resolve("Chart.yaml"))) {
            throw new IllegalStateException("No Chart.yaml in " + directory);
        }
        return new HelmChart(directory);
    }

    Path directory() {
        return directory;
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    /** {@code helm lint --strict}: warnings fail as well as errors. */
    LintResult lintStrictly() {
        return new Helm(directory).lint().strict().call();
    }

    /** {@code helm template ccp <chart>} with the default values only. */
    String renderDefaults() {
        return template().call();
    }

    /** {@code helm template ccp <chart> -f <valuesFile>}. */
    String render(Path valuesFile) {
        return template().withValuesFile(valuesFile).call();
    }

    /** {@code helm template ccp <chart> --set key=value ...}. */
    String render(Map<String, Object> settings) {
        TemplateCommand command = template();
        settings.forEach(command::set);
        return command.call();
    }

    /**
     * {@code helm install --dry-run=client} with a values file (or none): the release's output, which ends with the
     * rendered NOTES.txt the operator sees after an install.
     */
    String installDryRunOutput(Path valuesFile) {
        InstallCommand install = new Helm(directory).install().withName(RELEASE).withNamespace(NAMESPACE)
                .clientOnly().withDryRunOption(DryRun.CLIENT);
        if (valuesFile != null) {
            install.withValuesFile(valuesFile);
        }
        return install.call().getOutput();
    }

    private TemplateCommand template() {
        return new Helm(directory).template().withName(RELEASE).withNamespace(NAMESPACE);
    }
}
