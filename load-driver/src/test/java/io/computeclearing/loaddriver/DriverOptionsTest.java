package io.computeclearing.loaddriver;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverOptionsTest {

    @Test
    void defaultsAreTheLocalStack() {
        DriverOptions options = DriverOptions.parse();
        assertThat(options.trades()).isEqualTo(100_000);
        assertThat(options.batch()).isEqualTo(1_000);
        assertThat(options.concurrency()).isEqualTo(2);
        assertThat(options.accounts()).isEqualTo(20);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.clearing()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(options.account()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(options.keycloak()).isEqualTo(URI.create("http://localhost:8180"));
        assertThat(options.kafka()).isEqualTo("localhost:9092");
        assertThat(options.effectivePassword()).isEqualTo("backoffice");
    }

    @Test
    void parsesEveryOption() {
        DriverOptions options = DriverOptions.parse("--trades", "20,000", "--batch", "500", "--concurrency", "4",
                "--accounts", "40", "--seed", "7", "--timeout", "90s", "--clearing", "http://127.0.0.1:18082/",
                "--account", "http://[::1]:18081", "--keycloak", "http://localhost:18180", "--kafka", "127.0.0.1:19092",
                "--user", "ops", "--password", "secret");
        assertThat(options.trades()).isEqualTo(20_000);
        assertThat(options.batches()).isEqualTo(40);
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(options.accounts()).isEqualTo(40);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.clearing()).isEqualTo(URI.create("http://127.0.0.1:18082"));
        assertThat(options.kafka()).isEqualTo("127.0.0.1:19092");
        assertThat(options.effectivePassword()).isEqualTo("secret");
        assertThat(options.commandLine()).isEqualTo("java -jar load-driver/target/load-driver.jar --trades 20000 "
                + "--batch 500 --concurrency 4 --accounts 40 --seed 7 --timeout 90s");
    }

    @Test
    void refusesTargetsOffThisMachine() {
        assertThatThrownBy(() -> DriverOptions.parse("--clearing", "http://10.1.2.3:8082"))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> DriverOptions.parse("--kafka", "localhost:9092,192.168.0.9:9092"))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> DriverOptions.parse("--keycloak", "https://localhost:8180"))
                .hasMessageContaining("http://host:port");
    }

    @Test
    void boundsCountsAndTime() {
        assertThatThrownBy(() -> DriverOptions.parse("--batch", "5001")).hasMessageContaining("1 to 5000");
        assertThatThrownBy(() -> DriverOptions.parse("--trades", "0")).hasMessageContaining("--trades");
        assertThatThrownBy(() -> DriverOptions.parse("--accounts", "21")).hasMessageContaining("even");
        assertThatThrownBy(() -> DriverOptions.parse("--timeout", "3h")).hasMessageContaining("1s to 2h");
        assertThatThrownBy(() -> DriverOptions.parse("--trades")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DriverOptions.parse("--speed", "9")).hasMessageContaining("unknown option");
    }

    @Test
    void readsDurationsInSecondsMinutesAndIso() {
        assertThat(DriverOptions.duration("--timeout", "600")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DriverOptions.duration("--timeout", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DriverOptions.duration("--timeout", "PT1H")).isEqualTo(Duration.ofHours(1));
    }
}
