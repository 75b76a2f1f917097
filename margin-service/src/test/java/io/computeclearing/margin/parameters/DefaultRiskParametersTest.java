package io.computeclearing.margin.parameters;

import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ccp.reference-data.defaults} on (the test profile), the default risk parameters and inter-commodity
 * spreads are loaded at start-up, in force and applied; loading again adds nothing.
 */
@QuarkusTest
class DefaultRiskParametersTest {

    @Inject
    DefaultRiskParameters defaults;

    @Inject
    RiskParameters parameters;

    @Inject
    InterSpreads interSpreads;

    @Inject
    DatabaseProbe database;

    @Test
    void theDefaultsLoadedAtStartUpAreInForceAndAppliedAndASecondLoadAddsNothing() {
        LocalDate firstDay = LocalDate.of(2026, 1, 1);
        RiskParameterSet gh100 = parameters.inForce("GH100", firstDay).orElseThrow();
        assertThat(gh100.version).isEqualTo(1);
        assertThat(gh100.currency).isEqualTo("USD");
        assertThat(gh100.priceScanFraction).isEqualByComparingTo("0.25");
        assertThat(gh100.priceScanFloor).as("the scan range at half the reference price").isEqualByComparingTo("325.00");
        assertThat(gh100.referencePrice).isEqualByComparingTo("2.60");
        assertThat(gh100.intraSpreadCharge).isEqualByComparingTo("13.00");
        RiskParameterSet tkfrc = parameters.inForce("TKFRC", firstDay).orElseThrow();
        assertThat(tkfrc.currency).isEqualTo("CNY");
        assertThat(tkfrc.referencePrice).isEqualByComparingTo("55.00");
        assertThat(tkfrc.intraSpreadCharge).isEqualByComparingTo("330.00");
        assertThat(tkfrc.ratioClientOmnibus).isEqualByComparingTo("1.10");
        InterSpreadSet spreads = interSpreads.version(1);
        assertThat(spreads.effectiveFrom()).isEqualTo(firstDay);
        assertThat(spreads.spreads()).extracting(InterSpreadDefinition::creditRate)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.50"), new BigDecimal("0.25"));
        assertThat(spreads.spreads().getLast().legs()).extracting(InterSpreadLeg::family)
                .containsExactly("GH100", "TKFRN");
        assertThat(database.count(defaultVersions("risk_parameters_applied"))).isEqualTo(4);
        assertThat(database.count("select count(*) from inter_spread_applied where version = 1")).isEqualTo(1);

        assertThat(defaults.load()).isEmpty();

        assertThat(database.count(defaultVersions("risk_parameters"))).isEqualTo(4);
        assertThat(database.count("select count(*) from inter_spread_leg where version = 1")).isEqualTo(4);
    }

    private static String defaultVersions(String table) {
        return "select count(*) from " + table + " where version = 1 and family in ('GH100', 'GB200', 'TKFRN', 'TKFRC')";
    }
}
