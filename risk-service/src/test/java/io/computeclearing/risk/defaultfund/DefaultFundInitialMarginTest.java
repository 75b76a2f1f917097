package io.computeclearing.risk.defaultfund;

import io.computeclearing.risk.RiskFeed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.computeclearing.risk.RiskApi.risk;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The contributions shared by the members' average initial margin ({@code ccp.default-fund.risk-measure=
 * INITIAL_MARGIN}), a CNY margin converted at the run's USD/CNY. In an application of its own (a fresh database).
 */
@QuarkusTest
@TestProfile(DefaultFundInitialMarginTest.InitialMargin.class)
class DefaultFundInitialMarginTest {

    @Inject
    DatabaseProbe db;

    private final List<String[]> opened = new ArrayList<>();

    @AfterEach
    void closePositions() {
        for (String[] p : opened) {
            RiskFeed.position(p[0], p[1], p[2], 0, LocalDate.parse(p[3]), 99);
        }
    }

    @Test
    void contributionsSharedByTheAverageInitialMargin() {
        LocalDate day = LocalDate.of(2033, 2, 1);
        String n = RiskFeed.unique("");
        String family = "M" + n;
        String instrument = family + "-2106";
        String u = "U" + n;
        String v = "V" + n;
        String w = "W" + n;
        for (String m : List.of(u, v, w)) {
            RiskFeed.member(m, null);
        }
        RiskFeed.instrument(instrument, family, "USD", "1000", "IDX-" + family);
        RiskFeed.usdCny("7.50", day);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_instrument where instrument_id = ?", instrument) == 1
                        && db.count("select count(*) from risk_fx_rate where quote_currency = 'CNY'") > 0);
        for (String[] s : new String[][] {{"DROP-" + n, "-0.40"}, {"RISE-" + n, "0.60"}}) {
            risk().body("""
                    {"scenarioId": "%s", "name": "%s", "kind": "HYPOTHETICAL",
                     "shocks": [{"family": "%s", "kind": "RELATIVE", "value": %s}]}"""
                    .formatted(s[0], s[0], family, s[1])).post("/scenarios").then().statusCode(201);
        }
        // U long 4, margin 2,000 USD; V short 2, margin 3,750 CNY = 500 USD at 7.50; W long 1, margin 1,500 USD.
        // DROP (-40 % of 2.500 x 1,000): U 4,000 - 2,000 = 2,000 uncovered, W 1,000 - 1,500 = 0; RISE (+60 %): V
        // 3,000 - 500 = 2,500. Max Cover-2 2,500 x 1.10 = 2,750, below the floor: the fund is 10,000.00.
        // Shared by margin 2,000 : 500 : 1,500 after 3 x 1,000.00: the rest 7,000.00 gives U 3,500.00, V 875.00,
        // W 2,625.00. Contributions U 4,500.00, V 1,875.00, W 3,625.00; total 10,000.00.
        position(u, 4, day, instrument, "USD", "2000.00");
        position(v, -2, day, instrument, "CNY", "3750.00");
        position(w, 1, day, instrument, "USD", "1500.00");
        RiskFeed.price(instrument, day, "2.500", "USD");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_settlement_price where instrument_id = ?", instrument) == 1);
        RiskFeed.endOfDayRunCompleted(day, instrument, "2.500");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from stress_run where business_date = ? and trigger = 'END_OF_DAY'", day) == 1);

        Map<String, String> expected = Map.of(u, "4500.00", v, "1875.00", w, "3625.00");
        var response = risk().body("{\"asOf\": \"%s\"}".formatted(day)).post("/default-fund-sizings").then()
                .statusCode(201)
                .body("sizing.riskMeasure", equalTo("INITIAL_MARGIN"))
                .body("sizing.maxCover2", equalTo(new BigDecimal("2500.00")))
                .body("sizing.fundSize", equalTo(new BigDecimal("10000.00")))
                .body("contributions.find { it.memberId == '%s' }.measure".formatted(v), equalTo(500));
        expected.forEach((member, amount) -> response.body(
                "contributions.find { it.memberId == '%s' }.amount".formatted(member), equalTo(new BigDecimal(amount))));
    }

    private void position(String memberId, long net, LocalDate day, String instrument, String currency,
                          String margin) {
        String account = memberId + "-H";
        opened.add(new String[] {account, memberId, instrument, day.toString()});
        RiskFeed.position(account, memberId, instrument, net, day, 1);
        RiskFeed.initialMargin(account, currency, margin);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_position where account_id = ? and net_quantity = ?", account, net) == 1
                && db.count("select count(*) from risk_margin_requirement where account_id = ?", account) > 0);
    }

    /** The initial margin as the risk measure, in an application (and database) of its own. */
    public static class InitialMargin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.default-fund.risk-measure", "INITIAL_MARGIN");
        }
    }
}
