package io.computeclearing.deployment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code helm lint --strict}: a warning fails like an error. */
class ChartLintTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Test
    void chartLintsStrictlyWithItsDefaultValues() {
        LintResult result = ValueSets.CHART.lintStrictly();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    /**
     * helm lint takes no values file through the library: lint a copy whose values.yaml is the defaults with the
     * production file merged over them, as {@code helm install -f values-production.yaml} merges them (maps merge
     * key by key, anything else is replaced).
     */
    @Test
    void chartLintsStrictlyWithTheProductionValues(@TempDir Path copy) throws IOException {
        Path chart = ValueSets.CHART.directory();
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(chart.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Map<String, Object> values = YAML.readValue(chart.resolve("values.yaml").toFile(), MAP);
        mergeOver(values, YAML.readValue(chart.resolve("values-production.yaml").toFile(), MAP));
        YAML.writeValue(copy.resolve("values.yaml").toFile(), values);

        LintResult result = new com.marcnuri.helm.Helm(copy).lint().strict().call();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @SuppressWarnings("unchecked")
    private static void mergeOver(Map<String, Object> base, Map<String, Object> overlay) {
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && base.get(key) instanceof Map<?, ?> baseMap) {
                mergeOver((Map<String, Object>) baseMap, (Map<String, Object>) map);
            } else {
                base.put(key, value);
            }
        });
    }
}
