package io.computeclearing.risk.stress;

import io.computeclearing.risk.market.MemberGroups;
import io.computeclearing.risk.scenario.Scenario;
import io.computeclearing.risk.scenario.ScenarioKind;
import io.computeclearing.risk.scenario.ShockKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on books small enough to compute by hand; the arithmetic is in the comments. */
class StressEngineTest {

    // GH100 (USD): settlement 2.500, 1,000 GPU-hours a contract. TKFRC (CNY): settlement 12.00, 1,000 units.
    private static final StressInstrument GH100 = new StressInstrument("GH100-2701", "GH100", "2027-01", "USD",
            new BigDecimal("1000"), "SDH100RT", new BigDecimal("2.500"));
    private static final StressInstrument TKFRC = new StressInstrument("TKFRC-2701", "TKFRC", "2027-01", "CNY",
            new BigDecimal("1000"), "TOKEN-FRONTIER-CNY", new BigDecimal("12.00"));

    @Test
    void coverTwoTakesTheTwoLargestGroupsPerScenarioThenTheMaximumOverScenarios() {
        // A2 is affiliated with A: one group "A". B and C stand alone.
        var groups = new MemberGroups.Resolver(Map.of("A2", "A"));
        List<Portfolio> book = List.of(
                portfolio("A-H", "A", groups, 10),   // A's house: long 10
                portfolio("A2-C", "A2", groups, 4),  // A2's client account: long 4
                portfolio("B-H", "B", groups, -12),  // B short 12
                portfolio("C-H", "C", groups, 5),
                portfolio("C-C", "C", groups, 3));
        Map<String, Map<String, BigDecimal>> margin = Map.of(
                "A-H", usd("3000.00"), "A2-C", usd("1500.00"), "B-H", usd("5000.00"),
                "C-H", usd("1000.00"), "C-C", usd("2000.00"));
        StressBook stressBook = new StressBook(List.of(GH100), book, margin, Map.of("USD", BigDecimal.ONE));
        // GLUT: GH100 -40 % -> 1.500: a long contract loses (2.500 - 1.500) x 1000 = 1,000.
        // SPIKE: GH100 +60 % -> 4.000: a long contract loses (2.500 - 4.000) x 1000 = -1,500 (a gain).
        ScenarioPrices glut = ScenarioPricing.price(hypothetical("GLUT", "GH100", "-0.40"), List.of(GH100), i -> List.of());
        ScenarioPrices spike = ScenarioPricing.price(hypothetical("SPIKE", "GH100", "0.60"), List.of(GH100), i -> List.of());

        StressResult result = StressEngine.run(stressBook, List.of(glut, spike));

        // GLUT: group A loses 14 x 1,000 = 14,000 against 3,000 + 1,500 margin: 9,500 uncovered. (Apart, A would
        // be 7,000 and A2 2,500.) B gains 12,000: 0. C loses 8 x 1,000 = 8,000 against 3,000: 5,000.
        // Cover-1 9,500 (A); Cover-2 9,500 + 5,000 = 14,500 (A, C).
        ScenarioCover glutCover = result.covers().get(0);
        assertThat(uncovered(glutCover)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A", new BigDecimal("9500.00"), "B", new BigDecimal("0.00"), "C", new BigDecimal("5000.00")));
        assertThat(StressEngine.reported(glutCover.cover1())).isEqualByComparingTo("9500.00");
        assertThat(StressEngine.reported(glutCover.cover2())).isEqualByComparingTo("14500.00");
        assertThat(glutCover.cover2Groups()).containsExactly("A", "C");

        // SPIKE: A gains 21,000: 0; B loses 12 x 1,500 = 18,000 against 5,000: 13,000; C gains 12,000: 0.
        // Cover-1 13,000 (B); Cover-2 13,000 (B alone: nobody else is uncovered).
        ScenarioCover spikeCover = result.covers().get(1);
        assertThat(StressEngine.reported(spikeCover.cover1())).isEqualByComparingTo("13000.00");
        assertThat(spikeCover.cover1Group()).isEqualTo("B");
        assertThat(StressEngine.reported(spikeCover.cover2())).isEqualByComparingTo("13000.00");
        assertThat(spikeCover.cover2Groups()).containsExactly("B");

        // Over the scenarios: Cover-1 13,000 (SPIKE, B), Cover-2 max(14,500, 13,000) = 14,500 (GLUT, A + C).
        assertThat(StressEngine.reported(result.cover1())).isEqualByComparingTo("13000.00");
        assertThat(result.worstCover1().orElseThrow().scenario().scenarioId()).isEqualTo("SPIKE");
        assertThat(StressEngine.reported(result.cover2())).isEqualByComparingTo("14500.00");
        assertThat(result.worstCover2().orElseThrow().scenario().scenarioId()).isEqualTo("GLUT");

        // Account losses are exact per currency: A2-C loses 4,000 in GLUT and gains 6,000 in SPIKE.
        assertThat(result.loss(1, 0, 0)).isEqualByComparingTo("4000");
        assertThat(result.loss(1, 1, 0)).isEqualByComparingTo("-6000");
    }

    @Test
    void aCnyPositionIsConvertedAtTheDaysRateMovedByTheScenariosFxShock() {
        // D is short 2 TKFRC at 12.00. TOKENS-UP: +50 % -> 18.00: a short contract loses (18.00 - 12.00) x 1000 =
        // 6,000 CNY; two lose 12,000 CNY. USD/CNY 7.50 moved +10 % -> 8.25: 12,000 / 8.25 = 1,454.5454... USD.
        // D holds 3,300 CNY of initial margin: 3,300 / 8.25 = 400 USD; uncovered 1,054.5454... -> 1,054.55.
        // Without the FX shock: 12,000 / 7.50 = 1,600; 3,300 / 7.50 = 440; uncovered 1,160.00.
        var groups = new MemberGroups.Resolver(Map.of());
        StressBook book = new StressBook(List.of(TKFRC), List.of(new Portfolio("D-H", "D", groups.groupOf("D"),
                new int[]{0}, new long[]{-2})), Map.of("D-H", Map.of("CNY", new BigDecimal("3300.00"))),
                Map.of("USD", BigDecimal.ONE, "CNY", new BigDecimal("7.50")));
        Scenario withFx = new Scenario("TOKENS-UP-CNY-WEAK", 1, "tokens up, CNY weaker", ScenarioKind.HYPOTHETICAL,
                true, List.of(new Scenario.Shock("TKFRC", null, ShockKind.RELATIVE, new BigDecimal("0.50"))),
                new BigDecimal("0.10"), null, null, "test", Instant.EPOCH);
        Scenario withoutFx = new Scenario("TOKENS-UP", 1, "tokens up", ScenarioKind.HYPOTHETICAL, true,
                List.of(new Scenario.Shock("TKFRC", "2027-01", ShockKind.ABSOLUTE, new BigDecimal("18.00"))),
                null, null, null, "test", Instant.EPOCH);

        StressResult result = StressEngine.run(book, List.of(
                ScenarioPricing.price(withFx, List.of(TKFRC), i -> List.of()),
                ScenarioPricing.price(withoutFx, List.of(TKFRC), i -> List.of())));

        assertThat(result.loss(0, 0, 0)).isEqualByComparingTo("12000");
        GroupLoss shocked = result.covers().get(0).groups().getFirst();
        assertThat(result.covers().get(0).usdCny()).isEqualByComparingTo("8.25");
        assertThat(shocked.loss()).isEqualByComparingTo("1454.5454545455");
        assertThat(StressEngine.reported(shocked.loss())).isEqualByComparingTo("1454.55");
        assertThat(StressEngine.reported(shocked.initialMargin())).isEqualByComparingTo("400.00");
        assertThat(StressEngine.reported(shocked.uncovered())).isEqualByComparingTo("1054.55");
        GroupLoss plain = result.covers().get(1).groups().getFirst();
        assertThat(StressEngine.reported(plain.uncovered())).isEqualByComparingTo("1160.00");
    }

    @Test
    void aSumBeyondALongIsCarriedOnExactly() {
        // 1,000,000,000 contracts of a unit of 10^11 moved by 1,000: 10^9 x 10^11 x 10^3 = 10^23, beyond a long.
        StressInstrument huge = new StressInstrument("BIG", "BIG", "2027-01", "USD", new BigDecimal("100000000000"),
                "X", new BigDecimal("1000"));
        StressBook book = new StressBook(List.of(huge), List.of(new Portfolio("E-H", "E", "E", new int[]{0},
                new long[]{1_000_000_000L})), Map.of(), Map.of("USD", BigDecimal.ONE));
        Scenario crash = new Scenario("CRASH", 1, "to zero", ScenarioKind.HYPOTHETICAL, true,
                List.of(new Scenario.Shock("BIG", null, ShockKind.ABSOLUTE, BigDecimal.ZERO)), null, null, null,
                "test", Instant.EPOCH);
        StressResult result = StressEngine.run(book, List.of(ScenarioPricing.price(crash, List.of(huge), i -> List.of())));
        assertThat(result.loss(0, 0, 0)).isEqualByComparingTo("1E+23");
        assertThat(result.cover1()).isEqualByComparingTo("1E+23");
    }

    private static Portfolio portfolio(String account, String member, MemberGroups.Resolver groups, long net) {
        return new Portfolio(account, member, groups.groupOf(member), new int[]{0}, new long[]{net});
    }

    private static Map<String, BigDecimal> usd(String amount) {
        return Map.of("USD", new BigDecimal(amount));
    }

    private static Scenario hypothetical(String id, String family, String move) {
        return new Scenario(id, 1, id, ScenarioKind.HYPOTHETICAL, true,
                List.of(new Scenario.Shock(family, null, ShockKind.RELATIVE, new BigDecimal(move))), null, null,
                null, "test", Instant.EPOCH);
    }

    private static Map<String, BigDecimal> uncovered(ScenarioCover cover) {
        return cover.groups().stream().collect(java.util.stream.Collectors.toMap(GroupLoss::groupId,
                g -> StressEngine.reported(g.uncovered())));
    }
}
