package io.computeclearing.settlement.index;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
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
import static org.hamcrest.Matchers.equalTo;

/**
 * With {@code ccp.reference-data.defaults} off (as in production) the service starts with no index: the migrations
 * hold the schema only. Loading the defaults afterwards adds each absent index once with its methodology, even when two
 * loads run at the same time (as two replicas starting together do), leaves an index the back office defined as it
 * is, and a further load adds nothing.
 */
@QuarkusTest
@TestProfile(DefaultIndicesSwitchedOffTest.SwitchedOff.class)
class DefaultIndicesSwitchedOffTest {

    public static class SwitchedOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.reference-data.defaults", "false");
        }
    }

    @Inject
    DefaultIndices defaults;

    @Inject
    DatabaseProbe database;

    @Test
    void theServiceStartsWithoutIndicesAndTheDefaultsLoadOnceLeavingDefinedIndicesAlone() throws Exception {
        IndexApi.as(TestTokens.member("ANY")).get("/indices").then().statusCode(200).body("$", empty());
        assertThat(database.count("select count(*) from index_definition")).isZero();
        assertThat(database.count("select count(*) from index_methodology")).isZero();
        // The exchange defined one of the default ids itself, and has not given it a methodology yet.
        IndexApi.backOffice().body("""
                        {"id":"SDH100RT","name":"Our H100 index","unit":"USD per GPU-hour","currency":"USD",
                         "valueScale":3,"publicationTime":"17:30","publicationZone":"Europe/London",
                         "description":"Our own H100 rental index"}""")
                .post("/indices").then().statusCode(201);

        List<String> first;
        List<String> second;
        try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
            CompletableFuture<List<String>> one = CompletableFuture.supplyAsync(defaults::load, replicas);
            CompletableFuture<List<String>> other = CompletableFuture.supplyAsync(defaults::load, replicas);
            first = one.get();
            second = other.get();
        }
        assertThat(Stream.concat(first.stream(), second.stream()).toList()).containsExactlyInAnyOrder(
                "index SDB200RT with methodology version 1",
                "index TOKEN-FRONTIER-USD with methodology version 1",
                "index TOKEN-FRONTIER-CNY with methodology version 1");
        assertThat(first.isEmpty() || second.isEmpty()).isTrue();
        IndexApi.as(TestTokens.member("ANY")).get("/indices/SDH100RT").then().statusCode(200)
                .body("name", equalTo("Our H100 index"));
        IndexApi.backOffice().get("/indices/SDH100RT/methodology").then().statusCode(404);
        IndexApi.backOffice().get("/indices/TOKEN-FRONTIER-CNY/methodology").then().statusCode(200)
                .body("version", equalTo(1));

        assertThat(defaults.load()).isEmpty();
        assertThat(database.count("select count(*) from index_definition")).isEqualTo(4);
        assertThat(database.count("select count(*) from index_methodology")).isEqualTo(3);
    }
}
