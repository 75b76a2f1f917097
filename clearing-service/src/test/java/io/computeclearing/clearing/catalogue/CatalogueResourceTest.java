package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.Api;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;

/** The default catalogue is there from the start, listed from today; the back office adds families and holidays. */
@QuarkusTest
class CatalogueResourceTest {

    @Test
    void theDefaultCatalogueHoldsTheFourFamilies() {
        Api.as(TestTokens.member("ANY")).get("/catalogue/families").then().statusCode(200)
                .body("symbol", hasItems("GB200", "GH100", "TKFRC", "TKFRN"));
        Api.backOffice().get("/catalogue/families/GH100").then().statusCode(200)
                .body("currency", equalTo("USD"))
                .body("underlyingIndexId", equalTo("SDH100RT"))
                .body("contractUnit", equalTo(1000))
                .body("tickSize", equalTo(new BigDecimal("0.005")))
                .body("tickValue", equalTo(5))
                .body("listingCycleMonths", equalTo(12))
                .body("lastTradingDayRule", equalTo("LAST_BUSINESS_DAY_OF_MONTH"))
                .body("finalSettlementRule", equalTo("AVERAGE_OVER_MONTH"));
        Api.backOffice().get("/catalogue/families/TKFRC").then().statusCode(200)
                .body("currency", equalTo("CNY"))
                .body("tickSize", equalTo(new BigDecimal("0.05")))
                .body("tickValue", equalTo(50))
                .body("listingCycleMonths", equalTo(6))
                .body("finalSettlementRule", equalTo("SINGLE_FIXING"));
        Api.backOffice().get("/catalogue/families/TKFRN").then().body("tickValue", equalTo(10));
        Api.backOffice().get("/catalogue/families/NOPE").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void gpuHourFamiliesListTwelveConsecutiveMonthsAndTokenFamiliesSixFromToday() {
        assertListedFromToday("GH100", 12);
        assertListedFromToday("GB200", 12);
        assertListedFromToday("TKFRN", 6);
        assertListedFromToday("TKFRC", 6);
    }

    @Test
    void theBackOfficeDefinesAFamilyAndItIsListedAtOnce() {
        List<String> listed = Api.newFamily();

        assertThat(listed).hasSize(3);
        String symbol = listed.getFirst().substring(0, listed.getFirst().indexOf('-'));
        Api.backOffice().get("/catalogue/families/{symbol}", symbol).then().statusCode(200)
                .body("tickValue", equalTo(10));
        Api.backOffice().body("""
                        {"symbol":"%s","description":"again","underlyingIndexId":"X","currency":"USD",
                         "contractUnit":1,"unitDescription":"u","tickSize":0.01,"listingCycleMonths":3,
                         "lastTradingDayRule":"LAST_BUSINESS_DAY_OF_MONTH","finalSettlementRule":"SINGLE_FIXING"}"""
                        .formatted(symbol))
                .post("/catalogue/families").then().statusCode(409).body("type", equalTo("/problems/family-exists"));
    }

    @Test
    void anInvalidFamilyIsRefusedWithEachRuleNamed() {
        Api.backOffice().body("""
                        {"symbol":"bad symbol","description":"","underlyingIndexId":"X","currency":"usd",
                         "contractUnit":0,"unitDescription":"u","tickSize":-0.01,"listingCycleMonths":0,
                         "lastTradingDayRule":"LAST_BUSINESS_DAY_OF_MONTH","finalSettlementRule":"SINGLE_FIXING"}""")
                .post("/catalogue/families").then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", hasItems("symbol", "description", "currency", "contractUnit", "tickSize",
                        "listingCycleMonths"));
        Api.backOffice().body("""
                        {"symbol":"%s","description":"d","underlyingIndexId":"X","currency":"USD",
                         "contractUnit":1,"unitDescription":"u","tickSize":0.01,"listingCycleMonths":3,
                         "lastTradingDayRule":"LAST_BUSINESS_DAY_OF_MONTH","lastTradingDayOffset":2,
                         "finalSettlementRule":"SINGLE_FIXING"}""".formatted(Api.unique("OFS")))
                .post("/catalogue/families").then().statusCode(400)
                .body("violations[0].field", equalTo("lastTradingDayOffset"))
                .body("violations[0].message", equalTo("must be 0 for LAST_BUSINESS_DAY_OF_MONTH"));
    }

    @Test
    void aHolidayOnTheLastTradingDayMovesItToTheBusinessDayBefore() {
        String instrument = Api.newFamily().get(2);
        String symbol = instrument.substring(0, instrument.indexOf('-'));
        LocalDate lastTradingDay = lastTradingDay(instrument);

        Api.backOffice().body("{\"holidays\":[\"" + lastTradingDay + "\"]}")
                .put("/catalogue/families/{symbol}/holidays", symbol).then().statusCode(200)
                .body("holidays", equalTo(List.of(lastTradingDay.toString())));

        LocalDate expected = lastTradingDay.minusDays(lastTradingDay.getDayOfWeek() == DayOfWeek.MONDAY ? 3 : 1);
        assertThat(lastTradingDay(instrument)).isEqualTo(expected);
    }

    @Test
    void rollingIsIdempotentAndListsNewMonthsAsTheFrontMonthsExpire() {
        List<String> listed = Api.newFamily();
        String symbol = listed.getFirst().substring(0, listed.getFirst().indexOf('-'));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Api.backOffice().queryParam("family", symbol).queryParam("asOf", today.toString())
                .post("/catalogue/listings/roll").then().statusCode(200).body("listed", empty());
        LocalDate later = lastTradingDay(listed.get(1)).plusDays(1);
        Api.backOffice().queryParam("family", symbol).queryParam("asOf", later.toString())
                .post("/catalogue/listings/roll").then().statusCode(200)
                .body("listed", equalTo(List.of(instrumentAfter(listed.get(2), 1), instrumentAfter(listed.get(2), 2))));

        Api.backOffice().queryParam("family", symbol).queryParam("status", "EXPIRED").get("/catalogue/instruments")
                .then().body("id", equalTo(listed.subList(0, 2)));
        Api.backOffice().queryParam("family", symbol).queryParam("asOf", later.toString())
                .post("/catalogue/listings/roll").then().statusCode(200)
                .body("listed", empty()).body("statusChanges", equalTo(0));
    }

    private static void assertListedFromToday(String family, int months) {
        JsonPath instruments = Api.as(TestTokens.member("ANY")).queryParam("family", family)
                .get("/catalogue/instruments").then().statusCode(200).extract().jsonPath();
        List<String> ids = instruments.getList("findAll { it.status != 'EXPIRED' }.id");
        assertThat(ids).hasSize(months);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth front = YearMonth.parse(instruments.getString("find { it.status != 'EXPIRED' }.contractMonth"));
        assertThat(front).isIn(YearMonth.from(today), YearMonth.from(today).plusMonths(1));
        for (int i = 0; i < months; i++) {
            YearMonth month = front.plusMonths(i);
            assertThat(ids.get(i)).isEqualTo(family + "-" + month.toString().replace("-", ""));
            LocalDate lastTradingDay = lastTradingDay(ids.get(i));
            assertThat(YearMonth.from(lastTradingDay)).isEqualTo(month);
            assertThat(lastTradingDay.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(lastTradingDay).isAfter(month.atEndOfMonth().minusDays(3));
        }
    }

    private static LocalDate lastTradingDay(String instrument) {
        return LocalDate.parse(Api.backOffice().get("/catalogue/instruments/{id}", instrument).then().statusCode(200)
                .extract().path("lastTradingDay"));
    }

    private static String instrumentAfter(String instrument, int months) {
        int dash = instrument.indexOf('-');
        YearMonth month = YearMonth.parse(instrument.substring(dash + 1, dash + 5) + "-" + instrument.substring(dash + 5));
        return instrument.substring(0, dash + 1) + month.plusMonths(months).toString().replace("-", "");
    }
}
