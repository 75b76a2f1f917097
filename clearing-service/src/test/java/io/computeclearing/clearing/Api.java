package io.computeclearing.clearing;

import io.computeclearing.testsupport.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Calls to the service as the back office or a member would make them. Tests share one application and one database,
 * so every member, account and trade a test creates has a name of its own ({@link #unique}).
 */
public final class Api {

    /** JSON numbers read back as BigDecimal, so prices are compared exactly (scale included). */
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile LocalDate openedToday;

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().config(EXACT_NUMBERS).auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification backOffice() {
        return as(TestTokens.backOffice());
    }

    public static RequestSpecification anonymous() {
        return given().config(EXACT_NUMBERS).contentType(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** The business date the tests trade on: today in the service's zone (UTC), opened on first use. */
    public static LocalDate today() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!today.equals(openedToday)) {
            openDay(today);
            openedToday = today;
        }
        return today;
    }

    public static void openDay(LocalDate date) {
        backOffice().post("/business-days/{date}/open", date.toString()).then().statusCode(200);
    }

    /**
     * The family's listed instruments (ACTIVE or EXPIRING), front month first. Tests trade from the second month on,
     * so a test run on a last trading day is not disturbed by the front month expiring.
     */
    public static List<String> listed(String family) {
        return backOffice().queryParam("family", family).get("/catalogue/instruments")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.status != 'EXPIRED' }.id");
    }

    /**
     * A family of its own for a test (USD, tick 0.01, unit 1000, three months listed), so that what the test finds in
     * its instruments comes from the test alone; returns the listed instrument ids, front month first.
     */
    public static List<String> newFamily() {
        String symbol = unique("TST");
        backOffice().body("""
                        {"symbol":"%s","description":"test family","underlyingIndexId":"TEST-IDX","currency":"USD",
                         "contractUnit":1000,"unitDescription":"GPU-hour","tickSize":0.01,"listingCycleMonths":3,
                         "lastTradingDayRule":"LAST_BUSINESS_DAY_OF_MONTH","finalSettlementRule":"SINGLE_FIXING"}"""
                        .formatted(symbol))
                .post("/catalogue/families").then().statusCode(201);
        return listed(symbol);
    }

    public static Response submit(TestTrade trade) {
        return backOffice().body(trade.json()).post("/trades");
    }

    public static void clear(TestTrade trade) {
        submit(trade).then().statusCode(anyOf(is(200), is(201)));
    }

    /** The id of a trade that clears (201). */
    public static long cleared(TestTrade trade) {
        return ((Number) submit(trade).then().statusCode(201).extract().path("tradeId")).longValue();
    }

    public static Response bust(long tradeId, String reason) {
        return backOffice().body("{\"reason\":\"" + reason + "\"}").post("/trades/{id}/bust", tradeId);
    }

    /** The account's current position in the instrument as {@code [long, short]}; {@code [0, 0]} when it has none. */
    public static List<Long> position(String accountId, String instrumentId) {
        List<Object> found = backOffice().queryParam("accountId", accountId).queryParam("instrumentId", instrumentId)
                .get("/positions").then().statusCode(200).extract().jsonPath().getList("$");
        if (found.isEmpty()) {
            return List.of(0L, 0L);
        }
        var p = (java.util.Map<?, ?>) found.getFirst();
        return List.of(((Number) p.get("longQuantity")).longValue(), ((Number) p.get("shortQuantity")).longValue());
    }

    public static Response submitBatch(List<TestTrade> trades) {
        String body = "[" + String.join(",", trades.stream().map(TestTrade::json).toList()) + "]";
        return backOffice().body(body).post("/trades/batch");
    }
}
