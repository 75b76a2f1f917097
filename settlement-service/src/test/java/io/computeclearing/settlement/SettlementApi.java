package io.computeclearing.settlement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.account.AccountEvents.MemberRegistered;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The settlement endpoints as the back office and members call them, and the members and accounts account-service
 * would publish. Tests share one application and database: each works on ids and business dates of its own.
 */
public final class SettlementApi {

    /** JSON numbers read back as BigDecimal, so amounts are compared exactly (scale included). */
    public static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 10_000));
    /**
     * Weeks handed out so far, a JVM-wide counter (a system property: test classes may be loaded more than once), so
     * that business dates only ever increase and no two tests settle the same date.
     */
    private static final String WEEKS = "settlement.test.weeks";

    private SettlementApi() {
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

    /** A Monday no other test settles, later than every date handed out before; the test may use the whole week. */
    public static LocalDate newWeek() {
        synchronized (System.class) {
            int week = Integer.getInteger(WEEKS, 0);
            System.setProperty(WEEKS, Integer.toString(week + 1));
            return LocalDate.of(2027, 1, 4).plusWeeks(week);
        }
    }

    /** Publishes prices {@code instrumentId -> price} once the instruments have reached settlement. */
    public static Response publishPrices(LocalDate date, Map<String, String> prices) {
        String body = prices.entrySet().stream()
                .map(e -> "{\"instrumentId\":\"" + e.getKey() + "\",\"price\":" + e.getValue() + "}")
                .collect(Collectors.joining(",", "[", "]"));
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = backOffice().body(body).post("/settlement-prices/{date}", date.toString());
            return last[0].statusCode() != 422 || !last[0].jsonPath().getString("type").endsWith("/unknown-instrument");
        });
        return last[0];
    }

    /**
     * Runs the end of day as soon as settlement has all of the date's trade events and instrument listings (the run
     * refuses with {@code trade-events-missing}, {@code business-day-open} or {@code instrument-unknown} until then);
     * returns the first other answer.
     */
    public static Response runWhenComplete(LocalDate date) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = backOffice().post("/end-of-day/{date}", date.toString());
            String type = last[0].statusCode() == 409 ? last[0].jsonPath().getString("type") : "";
            return !type.endsWith("/trade-events-missing") && !type.endsWith("/business-day-open")
                    && !type.endsWith("/instrument-unknown");
        });
        if (last[0].statusCode() >= 400) {
            System.out.println("end-of-day " + date + " answered " + last[0].asString());
        }
        return last[0];
    }

    /** Creates an index of the back office's own, so no other test publishes values for it. */
    public static String newIndex(String currency) {
        String id = unique("STLIDX-" + currency + "-");
        backOffice().body("""
                        {"id":"%s","name":"Settlement test index","unit":"%s per unit","currency":"%s","valueScale":4,
                         "publicationTime":"%s","publicationZone":"UTC","description":"Index of a settlement test"}"""
                        .formatted(id, currency, currency, LocalTime.of(16, 0)))
                .post("/indices").then().statusCode(201);
        return id;
    }

    public static void indexValue(String indexId, LocalDate date, String value) {
        backOffice().body("{\"valueDate\":\"" + date + "\",\"value\":" + value + "}")
                .post("/indices/{id}/values", indexId).then().statusCode(201);
    }

    /** Registers an active member and opens an account for it in {@code baseCurrency}; returns the account id. */
    public static String account(String memberId, String baseCurrency) {
        String accountId = unique(memberId + "-H");
        publish(AccountEvents.MEMBER_REGISTERED, memberId, new MemberRegistered(memberId, memberId + " Clearing LLC",
                "5493001KJTIIGC8Y1R12", "GENERAL_CLEARING_MEMBER", "ACTIVE", null));
        publish(AccountEvents.ACCOUNT_OPENED, accountId,
                new AccountOpened(accountId, memberId, "HOUSE", baseCurrency, "ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as(TestTokens.risk()).get("/accounts/{id}", accountId).statusCode() == 200);
        return accountId;
    }

    public static <P> void publish(EventType<P> type, String key, P payload) {
        TopicProbe.publish(Topics.ACCOUNTS, key, EventCodec.encode(EventEnvelope.of(type, key, 1, "account-service",
                payload)));
    }
}
