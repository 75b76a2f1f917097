package io.computeclearing.risk.scenario;

import io.computeclearing.risk.RiskFeed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static io.computeclearing.risk.RiskApi.backOffice;
import static io.computeclearing.risk.RiskApi.member;
import static io.computeclearing.risk.RiskApi.risk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Scenarios as versioned data: the defaults, new versions, and bad input refused with nothing written. */
@QuarkusTest
class ScenarioTest {

    @Inject
    DatabaseProbe db;

    private String family;

    @BeforeEach
    void aListedFamily() {
        family = RiskFeed.unique("S");
        String instrument = family + "-2106";
        RiskFeed.instrument(instrument, family, "USD", "1000", "IDX-" + family);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_instrument where instrument_id = ?", instrument) == 1);
    }

    @Test
    void theDefaultSetIsThereForTheDefaultCatalogue() {
        backOffice().get("/scenarios").then().statusCode(200)
                .body("scenarioId", hasItems("GPU-GLUT", "GPU-SUPPLY-SHOCK", "TOKEN-COLLAPSE", "GPU-UP-TOKEN-DOWN",
                        "GPU-DOWN-TOKEN-UP", "CNY-WEAKER", "CNY-STRONGER", "HISTORICAL-WORST-DOWN",
                        "HISTORICAL-WORST-UP"));
        risk().get("/scenarios/GPU-GLUT").then().statusCode(200)
                .body("kind", equalTo("HYPOTHETICAL"))
                .body("shocks.family", hasItems("GH100", "GB200"))
                .body("shocks.find { it.family == 'GH100' }.value", equalTo(new BigDecimal("-0.4")));
        risk().get("/scenarios/CNY-WEAKER").then().statusCode(200).body("fxShock", equalTo(new BigDecimal("0.1")));
        risk().get("/scenarios/HISTORICAL-WORST-DOWN").then().statusCode(200)
                .body("direction", equalTo("DOWN")).body("holdingDays", equalTo(2));
    }

    @Test
    void aScenarioIsRevisedAsANewVersion() {
        String id = RiskFeed.unique("SC-");
        risk().body("""
                {"scenarioId": "%s", "name": "glut", "kind": "HYPOTHETICAL",
                 "shocks": [{"family": "%s", "kind": "RELATIVE", "value": -0.40}]}""".formatted(id, family))
                .post("/scenarios").then().statusCode(201)
                .body("version", equalTo(1)).body("createdBy", equalTo("risk.officer"));
        risk().body("""
                {"name": "glut, front month to 1.000", "kind": "HYPOTHETICAL", "fxShock": 0.05, "shocks": [
                  {"family": "%s", "kind": "RELATIVE", "value": -0.40},
                  {"family": "%s", "contractMonth": "2031-06", "kind": "ABSOLUTE", "value": 1.000}]}"""
                .formatted(family, family))
                .put("/scenarios/{id}", id).then().statusCode(200)
                .body("version", equalTo(2)).body("shocks.size()", equalTo(2));
        backOffice().get("/scenarios/{id}/versions", id).then().statusCode(200)
                .body("version", hasItems(1, 2)).body("[0].shocks.size()", equalTo(1));
        risk().body("""
                {"name": "retired", "kind": "HYPOTHETICAL", "active": false,
                 "shocks": [{"family": "%s", "kind": "RELATIVE", "value": -0.40}]}""".formatted(family))
                .put("/scenarios/{id}", id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void badScenariosAreRefusedAndNothingIsWritten() {
        long scenarios = db.count("select count(*) from stress_scenario");
        long shocks = db.count("select count(*) from stress_scenario_shock");
        String id = RiskFeed.unique("BAD-");

        risk().body(shock(id, "GX900", "RELATIVE", "-0.40")).post("/scenarios").then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/problems/unknown-family"));
        risk().body(shock(id, family, "RELATIVE", "-1")).post("/scenarios").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("shocks[0].value"));
        risk().body(shock(id, family, "RELATIVE", "-1.5")).post("/scenarios").then().statusCode(400);
        risk().body("""
                {"scenarioId": "%s", "name": "nothing", "kind": "HYPOTHETICAL", "shocks": []}""".formatted(id))
                .post("/scenarios").then().statusCode(400).body("violations.field", hasItem("shocks"));
        risk().body("""
                {"scenarioId": "%s", "name": "twice", "kind": "HYPOTHETICAL", "shocks": [
                  {"family": "%s", "kind": "RELATIVE", "value": -0.40},
                  {"family": "%s", "kind": "ABSOLUTE", "value": 2.5}]}""".formatted(id, family, family))
                .post("/scenarios").then().statusCode(400).body("violations.field", hasItem("shocks[1]"));
        risk().body("""
                {"scenarioId": "%s", "name": "history", "kind": "HISTORICAL", "direction": "DOWN",
                 "shocks": [{"family": "%s", "kind": "RELATIVE", "value": -0.40}]}""".formatted(id, family))
                .post("/scenarios").then().statusCode(400);
        risk().body("""
                {"scenarioId": "%s", "name": "fx", "kind": "HYPOTHETICAL", "fxShock": -1}""".formatted(id))
                .post("/scenarios").then().statusCode(400).body("violations.field", hasItem("fxShock"));
        risk().body(shock(id, family, "RELATIVE", "0.123456789")).post("/scenarios").then().statusCode(400);
        risk().body(shock(id, family, "SIDEWAYS", "0.1")).post("/scenarios").then().statusCode(400);
        risk().body(shock("GPU-GLUT", family, "RELATIVE", "-0.4")).post("/scenarios").then().statusCode(409)
                .body("type", endsWith("/problems/scenario-exists"));
        risk().body(shock(id, family, "RELATIVE", "-0.4")).put("/scenarios/{id}", id).then().statusCode(404);
        backOffice().body(shock(id, family, "RELATIVE", "-0.4")).post("/scenarios").then().statusCode(403);
        member("ALPHA").get("/scenarios").then().statusCode(403);

        assertThat(db.count("select count(*) from stress_scenario")).isEqualTo(scenarios);
        assertThat(db.count("select count(*) from stress_scenario_shock")).isEqualTo(shocks);
    }

    private static String shock(String id, String family, String kind, String value) {
        return """
                {"scenarioId": "%s", "name": "one shock", "kind": "HYPOTHETICAL",
                 "shocks": [{"family": "%s", "kind": "%s", "value": %s}]}""".formatted(id, family, kind, value);
    }
}
