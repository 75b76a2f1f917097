package io.computeclearing.margin.parameters;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * With {@code ccp.reference-data.defaults} off (as in production) the service starts with no risk parameters and no
 * inter-commodity spreads: the migrations hold the schema only. Loading the defaults afterwards adds them once, even
 * when two loads run at the same time (as two replicas starting together do), and a further load adds nothing.
 */
@QuarkusTest
@TestProfile(DefaultRiskParametersSwitchedOffTest.SwitchedOff.class)
class DefaultRiskParametersSwitchedOffTest {

    public static class SwitchedOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.reference-data.defaults", "false");
        }
    }

    @Inject
    DefaultRiskParameters defaults;

    @Inject
    DatabaseProbe database;

    @Test
    void theServiceStartsWithoutParametersAndTheDefaultsLoadOnce() throws Exception {
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters")
                .then().statusCode(200).body("$", empty());
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/inter-spreads")
                .then().statusCode(404);
        for (String table : List.of("risk_parameters", "risk_parameters_applied", "inter_spread_set",
                "inter_spread", "inter_spread_leg", "inter_spread_applied")) {
            assertThat(database.count("select count(*) from " + table)).as(table).isZero();
        }

        List<String> first;
        List<String> second;
        try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
            CompletableFuture<List<String>> one = CompletableFuture.supplyAsync(defaults::load, replicas);
            CompletableFuture<List<String>> other = CompletableFuture.supplyAsync(defaults::load, replicas);
            first = one.get();
            second = other.get();
        }
        assertThat(Stream.concat(first.stream(), second.stream()).toList()).containsExactlyInAnyOrder(
                "risk parameters GH100 version 1", "risk parameters GB200 version 1",
                "risk parameters TKFRN version 1", "risk parameters TKFRC version 1",
                "inter-commodity spreads version 1 (GH100/GB200 50%, GH100/TKFRN 25%)");
        assertThat(first.isEmpty() || second.isEmpty()).isTrue();
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/GB200")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/inter-spreads")
                .then().statusCode(200).body("version", equalTo(1));

        assertThat(defaults.load()).isEmpty();
        assertThat(database.count("select count(*) from risk_parameters")).isEqualTo(4);
        assertThat(database.count("select count(*) from risk_parameters_applied")).isEqualTo(4);
        assertThat(database.count("select count(*) from inter_spread_set")).isEqualTo(1);
        assertThat(database.count("select count(*) from inter_spread")).isEqualTo(2);
        assertThat(database.count("select count(*) from inter_spread_leg")).isEqualTo(4);
        assertThat(database.count("select count(*) from inter_spread_applied")).isEqualTo(1);
    }
}
