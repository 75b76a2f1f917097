package io.computeclearing.settlement.statement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.CollateralAssessed;
import io.computeclearing.platform.events.account.AccountEvents.CollateralMovementRecorded;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.computeclearing.settlement.SettlementApi.backOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Daily statements: positions, prices and variation margin per instrument, totals per currency, initial margin,
 * collateral and the day's cash movements, as the run saw them; JSON or CSV; a member reads only its own.
 */
@QuarkusTest
class StatementTest {

    @Inject
    DatabaseProbe db;

    @Test
    void theStatementShowsTheDayAsTheRunSawItInJsonAndCsv() {
        LocalDate day = SettlementApi.newWeek();
        Instrument gpu = ClearingFeed.list("GH100", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2029-05", LocalDate.of(2029, 5, 31));
        String alphaMember = SettlementApi.unique("STA");
        String alpha = SettlementApi.account(alphaMember, "USD");
        String bravo = SettlementApi.account(SettlementApi.unique("STB"), "USD");
        Instant morning = day.atTime(10, 0).toInstant(ZoneOffset.UTC);

        publish(MarginEvents.MARGIN_REQUIREMENT_CALCULATED, alpha, new MarginRequirementCalculated(alpha, morning,
                List.of(new CurrencyRequirement("USD", new BigDecimal("1100.00"), new BigDecimal("1000.00"))),
                List.of()));
        publish(AccountEvents.COLLATERAL_ASSESSED, alpha, new CollateralAssessed(alpha, alphaMember, "USD",
                new BigDecimal("50000.00"), new BigDecimal("1100.00"), new BigDecimal("48900.00"), morning));
        publish(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, alpha, new CollateralMovementRecorded("E-" + alpha,
                alpha, alphaMember, "DEPOSIT", "USD", new BigDecimal("50000"), morning));
        publish(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, alpha, new CollateralMovementRecorded("E0-" + alpha,
                alpha, alphaMember, "DEPOSIT", "USD", new BigDecimal("7"), morning.minus(Duration.ofDays(3))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from statement_margin_requirement where account_id = ?", alpha) == 1
                        && db.count("select count(*) from statement_collateral_assessment where account_id = ?", alpha) == 1
                        && db.count("select count(*) from statement_cash_movement where account_id = ?", alpha) == 2);

        // alpha buys 5 at 2.600, settles at 2.620: 5 x 0.020 x 1000 = 100.00 USD
        ClearingFeed.trade(gpu, day, alpha, bravo, 5, "2.600");
        ClearingFeed.closeDay(day, 2, 0, 0);
        SettlementApi.publishPrices(day, Map.of(gpu.id(), "2.620")).then().statusCode(200);
        SettlementApi.runWhenComplete(day).then().statusCode(201);

        // arrives after the run: the statement does not change
        publish(AccountEvents.COLLATERAL_ASSESSED, alpha, new CollateralAssessed(alpha, alphaMember, "USD",
                new BigDecimal("1101.00"), new BigDecimal("1100.00"), new BigDecimal("1.00"), morning.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from statement_collateral_assessment where account_id = ? and excess = 1.00", alpha) == 1);

        SettlementApi.as(TestTokens.member(alphaMember)).get("/statements/{account}/{date}", alpha, day.toString())
                .then().statusCode(200)
                .body("memberId", equalTo(alphaMember))
                .body("baseCurrency", equalTo("USD"))
                .body("positions.size()", equalTo(1))
                .body("positions[0].instrumentId", equalTo(gpu.id()))
                .body("positions[0].startOfDay", equalTo(0))
                .body("positions[0].bought", equalTo(5))
                .body("positions[0].sold", equalTo(0))
                .body("positions[0].endOfDay", equalTo(5))
                .body("positions[0].previousPrice", nullValue())
                .body("positions[0].settlementPrice", equalTo(new BigDecimal("2.620")))
                .body("positions[0].priceKind", equalTo("DAILY"))
                .body("positions[0].variationMargin", equalTo(new BigDecimal("100.00")))
                .body("totals[0].currency", equalTo("USD"))
                .body("totals[0].total", equalTo(new BigDecimal("100.00")))
                .body("initialMargin[0].initialMargin", equalTo(new BigDecimal("1100.00")))
                .body("collateral.collateralValue", equalTo(new BigDecimal("50000.00")))
                .body("collateral.excess", equalTo(new BigDecimal("48900.00")))
                .body("cashMovements.size()", equalTo(1))
                .body("cashMovements[0].movement", equalTo("DEPOSIT"))
                .body("cashMovements[0].quantity", equalTo(50000));

        String csv = backOffice().queryParam("format", "csv")
                .get("/statements/{account}/{date}", alpha, day.toString())
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).contains(
                "statement," + alpha + "," + alphaMember + "," + day + ",USD," + csvTime(csv),
                "position," + gpu.id() + ",USD,0,5,0,5,,2.620,DAILY,100.00,0.00",
                "total,USD,100.00,0.00,100.00",
                "initialMargin,USD,1100.00,1000.00," + morning,
                "collateral,USD,50000.00,1100.00,48900.00," + morning,
                "cashMovement,E-" + alpha + ",DEPOSIT,USD,50000," + morning);
        String accepted = SettlementApi.as(TestTokens.member(alphaMember)).accept("text/csv")
                .get("/statements/{account}/{date}", alpha, day.toString())
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(accepted).isEqualTo(csv);

        // bravo: -5 x 0.020 x 1000 = -100.00
        backOffice().get("/statements/{account}/{date}", bravo, day.toString()).then().statusCode(200)
                .body("positions[0].sold", equalTo(5))
                .body("totals[0].variationMargin", equalTo(new BigDecimal("-100.00")))
                .body("collateral", nullValue());

        // close out at the next day's settlement price, which leaves nothing open for other tests' dates
        LocalDate next = day.plusDays(1);
        ClearingFeed.trade(gpu, next, bravo, alpha, 5, "2.620");
        ClearingFeed.closeDay(next, 2, 0, 0);
        SettlementApi.publishPrices(next, Map.of(gpu.id(), "2.620")).then().statusCode(200);
        SettlementApi.runWhenComplete(next).then().statusCode(201);
    }

    @Test
    void aMemberReadsOnlyStatementsOfItsOwnAccounts() {
        LocalDate day = SettlementApi.newWeek();
        String ownMember = SettlementApi.unique("OWN");
        String own = SettlementApi.account(ownMember, "USD");
        String other = SettlementApi.account(SettlementApi.unique("OTH"), "USD");
        ClearingFeed.closeDay(day, 0, 0, 0);
        SettlementApi.runWhenComplete(day).then().statusCode(201);

        SettlementApi.as(TestTokens.member(ownMember)).get("/statements/{account}/{date}", own, day.toString())
                .then().statusCode(200).body("accountId", equalTo(own)).body("positions.size()", equalTo(0));
        String refused = SettlementApi.as(TestTokens.member(ownMember))
                .get("/statements/{account}/{date}", other, day.toString())
                .then().statusCode(404).extract().asString();
        assertThat(refused).doesNotContain("positions");
        SettlementApi.as(TestTokens.member(ownMember)).get("/statements/{account}/{date}", "NO-SUCH", day.toString())
                .then().statusCode(404);
        backOffice().get("/statements/{account}/{date}", other, day.toString()).then().statusCode(200);
        backOffice().get("/statements/{account}/{date}", own, day.minusDays(1).toString()).then().statusCode(404);
    }

    private static String csvTime(String csv) {
        String statementRow = csv.split("\r\n")[1];
        return statementRow.substring(statementRow.lastIndexOf(',') + 1);
    }

    private static <P> void publish(io.computeclearing.platform.events.EventType<P> type, String key, P payload) {
        String topic = type.topic().equals(Topics.MARGIN_REQUIREMENTS) ? Topics.MARGIN_REQUIREMENTS : Topics.ACCOUNTS;
        String source = topic.equals(Topics.ACCOUNTS) ? "account-service" : "margin-service";
        TopicProbe.publish(topic, key, EventCodec.encode(EventEnvelope.of(type, key, 1, source, payload)));
    }
}
