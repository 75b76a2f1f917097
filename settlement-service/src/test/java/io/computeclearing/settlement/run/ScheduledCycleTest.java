package io.computeclearing.settlement.run;

import io.computeclearing.platform.time.BusinessClock;
import io.computeclearing.settlement.ClearingFeed;
import io.computeclearing.settlement.ClearingFeed.Instrument;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.computeclearing.settlement.SettlementApi.backOffice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Scheduled intraday cycles: the family SCHED has cycles due at 12:00 and 15:30 in Chicago (this test's own
 * application, so that no other test meets the schedule). The test moves the business clock instead of waiting.
 */
@QuarkusTest
@TestProfile(ScheduledCycleTest.Schedule.class)
class ScheduledCycleTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    public static class Schedule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.settlement.intraday-cycles.times.SCHED", "12:00,15:30",
                    "ccp.settlement.intraday-cycles.zone", "America/Chicago",
                    "ccp.settlement.intraday-cycles.check-every", "1s");
        }
    }

    @Inject
    BusinessClock clock;

    @Inject
    DatabaseProbe db;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aFamilysCycleRunsOnceWhenDueAtThePublishedIntradayPricesAndARefusedOneIsRecordedNotRetried() {
        LocalDate day = SettlementApi.newWeek();
        Instrument sched = ClearingFeed.list("SCHED", "USD", "0.005", "1000", "SDH100RT", "AVERAGE_OVER_MONTH",
                "2030-09", LocalDate.of(2030, 9, 30));
        String a = SettlementApi.account(SettlementApi.unique("SCA"), "USD");
        String b = SettlementApi.account(SettlementApi.unique("SCB"), "USD");
        ClearingFeed.trade(sched, day, a, b, 2, "2.600");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from settlement_leg where business_date = ?", day) == 2);

        // 11:59 in Chicago: nothing is due
        clock.fix(at(day, 11, 59));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> attempts(day) == 0);

        // the back office publishes the intraday price (off the tick grid first: refused, nothing kept)
        backOffice().body("[{\"instrumentId\":\"%s\",\"price\":2.652}]".formatted(sched.id()))
                .post("/settlement-cycles/{date}/prices", day.toString()).then().statusCode(422)
                .body("type", endsWith("/off-tick-price"));
        backOffice().body("[{\"instrumentId\":\"%s\",\"price\":2.650}]".formatted(sched.id()))
                .post("/settlement-cycles/{date}/prices", day.toString()).then().statusCode(200)
                .body("[0].price", equalTo(new BigDecimal("2.650")));
        SettlementApi.as(TestTokens.member(ClearingFeed.memberOf(a))).get("/settlement-cycles/{date}/prices",
                day.toString()).then().statusCode(200).body("$", hasSize(1));

        // 12:00:30: the cycle runs once, at the published price: A +2 x (2.650 - 2.600) x 1000 = 100.00
        clock.fix(at(day, 12, 0).plusSeconds(30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> backOffice()
                .get("/settlement-cycles/{date}/schedule", day.toString()).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].family", equalTo("SCHED")).body("[0].outcome", equalTo("RUN"))
                .body("[0].cycleId", equalTo(day + "/INTRADAY-1")));
        backOffice().get("/settlement-cycles/{date}/1", day.toString()).then().statusCode(200)
                .body("runBy", equalTo(IntradayCycleSchedule.BY))
                .body("families[0]", equalTo("SCHED"))
                .body("postings.find { it.accountId == '%s' }.amount".formatted(a), equalTo(new BigDecimal("100.00")));

        // clearing closes the day before 15:30: that cycle is refused, recorded with why, and not tried again
        ClearingFeed.closeDay(day, 2, 0, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from settlement_closed_day where business_date = ?", day) == 1);
        backOffice().body("[{\"instrumentId\":\"%s\",\"price\":2.660}]".formatted(sched.id()))
                .post("/settlement-cycles/{date}/prices", day.toString()).then().statusCode(409)
                .body("type", endsWith("/business-day-closed"));
        clock.fix(at(day, 15, 31));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(day) == 2);
        backOffice().get("/settlement-cycles/{date}/schedule", day.toString()).then()
                .body("[1].outcome", equalTo("REFUSED"))
                .body("[1].detail", containsString("is closed"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> attempts(day) == 2);
        assertThat(db.count("select count(*) from intraday_cycle where business_date = ?", day)).isEqualTo(1);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(CHICAGO).toInstant();
    }

    private long attempts(LocalDate day) {
        return db.count("select count(*) from scheduled_cycle where business_date = ?", day);
    }
}
