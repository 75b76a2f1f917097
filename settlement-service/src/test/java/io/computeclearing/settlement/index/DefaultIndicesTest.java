package io.computeclearing.settlement.index;

import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ccp.reference-data.defaults} on (the test profile), the default indices are loaded at start-up with
 * methodology version 1 each; loading again adds nothing.
 */
@QuarkusTest
class DefaultIndicesTest {

    private static final String DEFAULTS = "('SDH100RT', 'SDB200RT', 'TOKEN-FRONTIER-USD', 'TOKEN-FRONTIER-CNY')";

    @Inject
    DefaultIndices defaults;

    @Inject
    DatabaseProbe database;

    @Test
    void theDefaultsLoadedAtStartUpHaveMethodologyVersionOneAndASecondLoadAddsNothing() {
        assertThat(database.count("select count(*) from index_definition where id in " + DEFAULTS)).isEqualTo(4);
        assertThat(database.count("select count(*) from index_methodology where version = 1"
                + " and method = 'VOLUME_WEIGHTED_MEDIAN' and min_contributors = 3 and staleness_seconds = 86400"
                + " and outlier_mad_multiple = 5 and index_id in " + DEFAULTS)).isEqualTo(4);
        long methodologies = database.count("select count(*) from index_methodology where index_id in " + DEFAULTS);

        assertThat(defaults.load()).isEmpty();

        assertThat(database.count("select count(*) from index_definition where id in " + DEFAULTS)).isEqualTo(4);
        assertThat(database.count("select count(*) from index_methodology where index_id in " + DEFAULTS))
                .isEqualTo(methodologies);
    }
}
