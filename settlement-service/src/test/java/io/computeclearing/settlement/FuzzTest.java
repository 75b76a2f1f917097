package io.computeclearing.settlement;

import io.computeclearing.testsupport.fuzz.FuzzReport;
import io.computeclearing.testsupport.fuzz.Fuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation under hostile input (test-support's {@link Fuzzer}): no 5xx, every refusal
 * problem+json, nothing written by a refusal. In an application of its own (a fresh database), so that what the
 * fuzzer creates meets no other test. The long run: {@code -Dfuzz.depth=full}.
 */
@QuarkusTest
@TestProfile(FuzzTest.OwnDatabase.class)
class FuzzTest {

    @Inject
    DataSource dataSource;

    @Test
    void hostileInputIsRefusedCleanly() {
        FuzzReport report = Fuzzer.of("settlement-service", dataSource).run();
        System.out.println(report.line());
        report.findings().forEach(finding -> System.out.println("  " + finding));
        assertThat(report.operations()).isPositive();
        assertThat(report.findings()).isEmpty();
    }

    /** A profile of its own starts an application of its own. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }
}
