package io.computeclearing.clearing.catalogue;

import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ccp.reference-data.defaults} on (the test profile), the default catalogue is loaded at start-up, its
 * instruments listed and each announced once; loading again adds nothing.
 */
@QuarkusTest
class DefaultCatalogueTest {

    private static final String DEFAULT_FAMILIES =
            "select count(*) from contract_family where symbol in ('GH100', 'GB200', 'TKFRN', 'TKFRC')";
    private static final String DEFAULT_INSTRUMENTS =
            "select count(*) from instrument where family_symbol in ('GH100', 'GB200', 'TKFRN', 'TKFRC')";
    private static final String DEFAULT_ANNOUNCEMENTS = """
            select count(*) from outbox_event where event_type = 'InstrumentListed' and aggregate_id in
                (select id from instrument where family_symbol in ('GH100', 'GB200', 'TKFRN', 'TKFRC'))""";

    @Inject
    DefaultCatalogue defaults;

    @Inject
    DatabaseProbe database;

    @Test
    void theDefaultsLoadedAtStartUpAreListedAndAnnouncedOnceAndASecondLoadAddsNothing() {
        assertThat(database.count(DEFAULT_FAMILIES)).isEqualTo(4);
        // 12 months of GH100 and GB200 and 6 of TKFRN and TKFRC from today (more once a month has expired)
        long instruments = database.count(DEFAULT_INSTRUMENTS);
        assertThat(instruments).isGreaterThanOrEqualTo(36);
        assertThat(database.count(DEFAULT_INSTRUMENTS + " and announced_at is null")).isZero();
        long announcements = database.count(DEFAULT_ANNOUNCEMENTS);
        assertThat(announcements).isEqualTo(instruments);

        assertThat(defaults.load()).isEmpty();

        assertThat(database.count(DEFAULT_FAMILIES)).isEqualTo(4);
        assertThat(database.count(DEFAULT_INSTRUMENTS)).isEqualTo(instruments);
        assertThat(database.count(DEFAULT_ANNOUNCEMENTS)).isEqualTo(announcements);
    }
}
