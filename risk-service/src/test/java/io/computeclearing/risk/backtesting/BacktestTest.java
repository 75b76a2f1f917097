package io.computeclearing.risk.backtesting;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.BacktestTrafficLightChanged;
import io.computeclearing.risk.RiskFeed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.computeclearing.risk.RiskApi.backOffice;
import static io.computeclearing.risk.RiskApi.member;
import static io.computeclearing.risk.RiskApi.risk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Margin backtesting end to end: a constructed price path for one account over six end-of-day runs, from the events
 * to the stored observations, the rolling results, the traffic light events and the report (JSON and CSV), and who
 * reads what. The dates (January 2034) and the family are this test's own; the position is closed afterwards so no
 * later end of day of another test holds it.
 */
@QuarkusTest
class BacktestTest {

    private static final LocalDate D0 = LocalDate.of(2034, 1, 2);
    private static final LocalDate D1 = LocalDate.of(2034, 1, 3);
    private static final LocalDate D2 = LocalDate.of(2034, 1, 4);
    private static final LocalDate D3 = LocalDate.of(2034, 1, 5);
    private static final LocalDate D4 = LocalDate.of(2034, 1, 6);
    private static final LocalDate D5 = LocalDate.of(2034, 1, 9);

    @Inject
    DatabaseProbe db;

    private String account;
    private String memberId;
    private String instrument;

    @AfterEach
    void closePosition() {
        if (instrument != null) {
            RiskFeed.position(account, memberId, instrument, 0, D5, 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from risk_position where instrument_id = ? and net_quantity <> 0",
                    instrument) == 0);
        }
    }

    /*
     * One account, long 10 contracts of 1,000 units from D0, 20 from D3; initial margin USD 3,000 from D0 and 7,000
     * calculated after the end of day of D2 (so held from D3's). Settlement prices:
     *
     *   D0 2.000   D1 1.800   D2 1.850   D3 1.500   D4 1.520   D5 1.100
     *
     * Holding period 1 (base: the previous end of day; P&L = (P_t - P_base) x net held at base x 1,000):
     *   D1  base D0: (1.800 - 2.000) x 10 x 1,000 = -2,000 vs 3,000   covered
     *   D2  base D1: (1.850 - 1.800) x 10 x 1,000 =   +500 vs 3,000   covered
     *   D3  base D2: (1.500 - 1.850) x 10 x 1,000 = -3,500 vs 3,000   EXCEEDED by 500
     *   D4  base D3: (1.520 - 1.500) x 20 x 1,000 =   +400 vs 7,000   covered
     *   D5  base D4: (1.100 - 1.520) x 20 x 1,000 = -8,400 vs 7,000   EXCEEDED by 1,400
     *   -> 2 exceedances in 5 (D3, D5), coverage 3/5 = 0.6, largest excess 1,400.
     * Holding period 2 (base: two end-of-day runs back):
     *   D2  base D0: (1.850 - 2.000) x 10 x 1,000 = -1,500 vs 3,000   covered
     *   D3  base D1: (1.500 - 1.800) x 10 x 1,000 = -3,000 vs 3,000   covered (a loss equal to the margin is covered)
     *   D4  base D2: (1.520 - 1.850) x 10 x 1,000 = -3,300 vs 3,000   EXCEEDED by 300
     *   D5  base D3: (1.100 - 1.500) x 20 x 1,000 = -8,000 vs 7,000   EXCEEDED by 1,000
     *   -> 2 exceedances in 4 (D4, D5), coverage 0.5, largest excess 1,000.
     *
     * Kupiec at p = 1 %, LR = 2 [(T-x) ln((1 - x/T) / 0.99) + x ln((x/T) / 0.01)], p-value = erfc(sqrt(LR / 2)):
     *   h = 1, x = 2, T = 5: LR = 2 [3 ln(0.6/0.99) + 2 ln(40)] = 2 [3 x -0.5007753 + 2 x 3.6888795] = 11.7508661,
     *                        p = erfc(2.4239248) = 0.000608149326
     *   h = 2, x = 2, T = 4: LR = 2 [2 ln(0.5/0.99) + 2 ln(50)] = 2 [2 x -0.6830968 + 2 x 3.9120230] = 12.9157046,
     *                        p = erfc(2.5412308) = 0.000325836719
     *
     * The family's light (only this account holds the family, so its observations are the account's), by the
     * binomial rule at 99 %: 1 exceedance in 3 days P(X <= 1) = 0.99970 -> yellow; 1 in 4: 0.99941 -> yellow;
     * 2 in 5: 0.999990 -> red; 2 in 4: 0.999996 -> red. So h = 1 turns YELLOW on D3 and RED on D5; h = 2 (0 in 1 and
     * 0 in 2 before) turns YELLOW on D4 and RED on D5: four events.
     */
    @Test
    void aConstructedPricePathIsBacktestedCountedAndReported() {
        String n = RiskFeed.unique("");
        String family = "BT" + n;
        instrument = family + "-3106";
        memberId = "M" + n;
        account = memberId + "-H";
        String other = "O" + n;
        RiskFeed.member(memberId, null);
        RiskFeed.member(other, null);
        RiskFeed.usdCny("7.10", D0); // any currency held elsewhere converts at D0 and later
        RiskFeed.instrument(instrument, family, "USD", "1000", "IDX-" + family);
        RiskFeed.position(account, memberId, instrument, 10, D0, 1);
        RiskFeed.initialMargin(account, "USD", "3000.00");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_instrument where instrument_id = ?", instrument) == 1
                        && db.count("select count(*) from risk_position where account_id = ? and net_quantity = 10",
                        account) == 1
                        && db.count("select count(*) from risk_margin_requirement where account_id = ?", account) == 1);
        endOfDay(D0, "2.000");
        endOfDay(D1, "1.800");
        endOfDay(D2, "1.850");
        RiskFeed.position(account, memberId, instrument, 20, D3, 2);
        RiskFeed.initialMargin(account, "USD", "7000.00");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_position where account_id = ? and net_quantity = 20", account) == 1
                        && db.count("select count(*) from risk_margin_requirement where account_id = ?", account) == 2);
        endOfDay(D3, "1.500");
        endOfDay(D4, "1.520");
        endOfDay(D5, "1.100");

        risk().get("/backtests/accounts/{id}", account).then().statusCode(200)
                .body("memberId", equalTo(memberId))
                .body("observations.size()", equalTo(9))
                .body(observation(D3, 1) + ".profitAndLoss", comparesEqualTo(new BigDecimal("-3500")))
                .body(observation(D3, 1) + ".initialMargin", comparesEqualTo(new BigDecimal("3000")))
                .body(observation(D3, 1) + ".exceedance", equalTo(true))
                .body(observation(D3, 1) + ".baseDate", equalTo(D2.toString()))
                .body(observation(D3, 1) + ".families[0].family", equalTo(family))
                .body(observation(D3, 1) + ".families[0].profitAndLoss", comparesEqualTo(new BigDecimal("-3500")))
                .body(observation(D4, 1) + ".profitAndLoss", comparesEqualTo(new BigDecimal("400")))
                .body(observation(D4, 1) + ".initialMargin", comparesEqualTo(new BigDecimal("7000")))
                .body(observation(D5, 1) + ".profitAndLoss", comparesEqualTo(new BigDecimal("-8400")))
                .body(observation(D3, 2) + ".profitAndLoss", comparesEqualTo(new BigDecimal("-3000")))
                .body(observation(D3, 2) + ".exceedance", equalTo(false))
                .body(observation(D5, 2) + ".profitAndLoss", comparesEqualTo(new BigDecimal("-8000")))
                .body(observation(D5, 2) + ".initialMargin", comparesEqualTo(new BigDecimal("7000")))
                .body(result(1) + ".observations", equalTo(5))
                .body(result(1) + ".exceedances", equalTo(2))
                .body(result(1) + ".exceedanceDates", contains(D3.toString(), D5.toString()))
                .body(result(1) + ".coverage", comparesEqualTo(new BigDecimal("0.6")))
                .body(result(1) + ".largestExcess", equalTo(new BigDecimal("1400.00")))
                .body(result(1) + ".kupiecLikelihoodRatio",
                        closeTo(new BigDecimal("11.7508661"), new BigDecimal("1e-7")))
                .body(result(1) + ".kupiecPValue", closeTo(new BigDecimal("0.000608149326"), new BigDecimal("1e-12")))
                .body(result(1) + ".light", equalTo("RED"))
                .body(result(2) + ".observations", equalTo(4))
                .body(result(2) + ".exceedanceDates", contains(D4.toString(), D5.toString()))
                .body(result(2) + ".coverage", comparesEqualTo(new BigDecimal("0.5")))
                .body(result(2) + ".largestExcess", equalTo(new BigDecimal("1000.00")))
                .body(result(2) + ".kupiecPValue", closeTo(new BigDecimal("0.000325836719"), new BigDecimal("1e-12")))
                .body(result(2) + ".light", equalTo("RED"));

        // The family's line in the report: the same counts (its only account), between the CCP's lines.
        String line = "families.find { it.family == '%s' && it.holdingDays == %d }";
        backOffice().get("/backtests").then().statusCode(200)
                .body("window", equalTo(250))
                .body("ccp.holdingDays", contains(1, 2))
                .body(line.formatted(family, 1) + ".observations", equalTo(5))
                .body(line.formatted(family, 1) + ".exceedances", equalTo(2))
                .body(line.formatted(family, 1) + ".firstDate", equalTo(D1.toString()))
                .body(line.formatted(family, 1) + ".lastDate", equalTo(D5.toString()))
                .body(line.formatted(family, 1) + ".kupiecPValue",
                        closeTo(new BigDecimal("0.000608149326"), new BigDecimal("1e-12")))
                .body(line.formatted(family, 1) + ".light", equalTo("RED"))
                .body(line.formatted(family, 2) + ".exceedances", equalTo(2))
                .body(line.formatted(family, 2) + ".largestExcess", equalTo(new BigDecimal("1000.00")));
        risk().queryParam("holdingDays", 2).get("/backtests").then().statusCode(200)
                .body("ccp.holdingDays", contains(2))
                .body("families.holdingDays.unique()", contains(2));
        String csv = risk().accept("text/csv").get("/backtests").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith(BacktestCsv.HEADER + "\r\n").contains("\r\nCCP,,1,USD,");
        assertThat(csv.lines().filter(l -> l.startsWith("FAMILY," + family + ",")).toList()).satisfiesExactly(
                l -> assertThat(l).startsWith("FAMILY," + family + ",1,USD,2034-01-03,2034-01-09,5,2,")
                        .contains(",RED,1400.00"),
                l -> assertThat(l).startsWith("FAMILY," + family + ",2,USD,2034-01-04,2034-01-09,4,2,")
                        .endsWith(",RED,1000.00"));

        List<BacktestTrafficLightChanged> changes = lightChanges(family, 4);
        assertThat(changes).extracting(c -> c.holdingDays() + " " + c.businessDate() + " " + c.previousLight() + "->"
                + c.light() + " " + c.exceedances() + "/" + c.observations()).containsExactlyInAnyOrder(
                "1 2034-01-05 GREEN->YELLOW 1/3", "1 2034-01-09 YELLOW->RED 2/5",
                "2 2034-01-06 GREEN->YELLOW 1/3", "2 2034-01-09 YELLOW->RED 2/4");
        assertThat(db.count("select count(*) from backtest_family_light where family = ? and light = 'RED'", family))
                .isEqualTo(2);
    }

    @Test
    void aMemberReadsOnlyItsOwnAccountsAndRefusalsWriteNothing() {
        String n = RiskFeed.unique("");
        String family = "BI" + n;
        instrument = family + "-3106";
        memberId = "M" + n;
        account = memberId + "-C";
        String other = "O" + n;
        LocalDate day = LocalDate.of(2034, 2, 1);
        LocalDate next = LocalDate.of(2034, 2, 2);
        RiskFeed.instrument(instrument, family, "USD", "1000", "IDX-" + family);
        RiskFeed.position(account, memberId, instrument, -3, day, 1);
        RiskFeed.initialMargin(account, "USD", "500.00");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_instrument where instrument_id = ?", instrument) == 1
                        && db.count("select count(*) from risk_position where account_id = ?", account) == 1
                        && db.count("select count(*) from risk_margin_requirement where account_id = ?", account) == 1);
        endOfDay(day, "4.000");
        endOfDay(next, "4.250"); // short 3 x 1,000 x +0.25: a loss of 750 against 500, exceeded

        member(memberId).get("/backtests/accounts/{id}", account).then().statusCode(200)
                .body("observations[0].profitAndLoss", comparesEqualTo(new BigDecimal("-750")))
                .body("observations[0].exceedance", equalTo(true));
        member(other).get("/backtests/accounts/{id}", account).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/problems/not-found"));
        member(memberId).get("/backtests").then().statusCode(403).contentType("application/problem+json");
        risk().get("/backtests/accounts/{id}", "NOBODY" + n).then().statusCode(404)
                .contentType("application/problem+json");

        long observations = db.count("select count(*) from backtest_observation");
        risk().queryParam("holdingDays", 3).get("/backtests").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/problems/validation"));
        risk().queryParam("holdingDays", "x").get("/backtests").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(db.count("select count(*) from backtest_observation")).isEqualTo(observations);
        risk().get("/backtests").then().statusCode(200)
                .body("families.find { it.family == '%s' }.exceedances".formatted(family), equalTo(1))
                // 1 exceedance in 1 day: P(X <= 1) = 1 under a correct margin, beyond 99.99 %: red.
                .body("families.find { it.family == '%s' }.light".formatted(family), equalTo("RED"));
    }

    /** Publishes the date's settlement price and end of day, and waits until the day is observed. */
    private void endOfDay(LocalDate date, String price) {
        RiskFeed.price(instrument, date, price, "USD");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_settlement_price where instrument_id = ? and business_date = ?",
                instrument, date) == 1);
        RiskFeed.endOfDayRunCompleted(date, instrument, price);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from backtest_day where business_date = ? and observed_at is not null", date) == 1
                && db.count("select count(*) from backtest_position where business_date = ? and account_id = ?",
                date, account) == 1);
    }

    private static String observation(LocalDate date, int holdingDays) {
        return "observations.find { it.businessDate == '%s' && it.holdingDays == %d }".formatted(date, holdingDays);
    }

    private static String result(int holdingDays) {
        return "results.find { it.holdingDays == %d }".formatted(holdingDays);
    }

    private static List<BacktestTrafficLightChanged> lightChanges(String family, int expected) {
        List<BacktestTrafficLightChanged>[] found = new List[] {List.of()};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = TopicProbe.readAll(Topics.RISK, Duration.ofSeconds(1)).stream()
                    .filter(r -> family.equals(r.key()))
                    .map(r -> EventCodec.decode(r.value()))
                    .filter(e -> e.is(RiskEvents.BACKTEST_TRAFFIC_LIGHT_CHANGED))
                    .map(e -> EventCodec.payload(e, RiskEvents.BACKTEST_TRAFFIC_LIGHT_CHANGED))
                    .toList();
            return found[0].size() >= expected;
        });
        return found[0];
    }
}
