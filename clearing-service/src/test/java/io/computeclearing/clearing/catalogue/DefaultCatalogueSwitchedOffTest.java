package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

/**
 * With {@code ccp.reference-data.defaults} off (as in production) the service starts with an empty catalogue: the
 * migrations hold the schema only. Loading the defaults afterwards adds the four families once, even when two loads
 * run at the same time (as two replicas starting together do), and a further load adds nothing.
 */
@QuarkusTest
@TestProfile(DefaultCatalogueSwitchedOffTest.SwitchedOff.class)
class DefaultCatalogueSwitchedOffTest {

    public static class SwitchedOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.reference-data.defaults", "false");
        }
    }

    @Inject
    DefaultCatalogue defaults;

    @Inject
    DatabaseProbe database;

    @Test
    void theServiceStartsWithAnEmptyCatalogueAndTheDefaultsLoadOnce() throws Exception {
        Api.backOffice().get("/catalogue/families").then().statusCode(200).body("$", empty());
        Api.backOffice().get("/catalogue/instruments").then().statusCode(200).body("$", empty());
        assertThat(database.count("select count(*) from contract_family")).isZero();
        assertThat(database.count("select count(*) from outbox_event")).isZero();

        List<String> first;
        List<String> second;
        try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
            CompletableFuture<List<String>> one = CompletableFuture.supplyAsync(defaults::load, replicas);
            CompletableFuture<List<String>> other = CompletableFuture.supplyAsync(defaults::load, replicas);
            first = one.get();
            second = other.get();
        }
        assertThat(concat(first, second)).containsExactlyInAnyOrder("contract family GH100", "contract family GB200",
                "contract family TKFRN", "contract family TKFRC");
        assertThat(first.isEmpty() || second.isEmpty()).isTrue();
        long instruments = database.count("select count(*) from instrument");
        assertThat(instruments).isGreaterThanOrEqualTo(36);
        assertThat(database.count("select count(*) from outbox_event where event_type = 'InstrumentListed'"))
                .isEqualTo(instruments);

        assertThat(defaults.load()).isEmpty();
        assertThat(database.count("select count(*) from contract_family")).isEqualTo(4);
        assertThat(database.count("select count(*) from instrument")).isEqualTo(instruments);
        assertThat(database.count("select count(*) from outbox_event where event_type = 'InstrumentListed'"))
                .isEqualTo(instruments);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
