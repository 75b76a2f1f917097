package io.computeclearing.margin;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.restassured.http.ContentType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** What the other services publish to margin-service, and how a test waits for margin's answer. */
public final class TestEvents {

    public static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private TestEvents() {
    }

    /** Opens an account of the member and waits until the account directory knows it. */
    public static String open(String member, String suffix, String accountType) {
        String account = member + "-" + suffix;
        EventEnvelope opened = EventEnvelope.of(AccountEvents.ACCOUNT_OPENED, account, 1, "account-service",
                new AccountOpened(account, member, accountType, "USD", "ACTIVE"));
        TopicProbe.publish(Topics.ACCOUNTS, account, EventCodec.encode(opened));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.backOffice()).when().get("/accounts/" + account)
                        .then().statusCode(200).body("accountType", equalTo(accountType)));
        return account;
    }

    /** Publishes a gross position (long and short) of the account. */
    public static EventEnvelope position(String member, String account, String instrument, long longQuantity,
                                         long shortQuantity, long version) {
        EventEnvelope event = EventEnvelope.of(ClearingEvents.POSITION_CHANGED, account, version, "clearing-service",
                new PositionChanged(account, member, instrument, longQuantity, shortQuantity,
                        longQuantity - shortQuantity, DAY, version));
        TopicProbe.publish(Topics.CLEARING_POSITIONS, account, EventCodec.encode(event));
        return event;
    }

    /** Publishes the listing of a contract month (month from the id's last six digits) on the given index. */
    public static EventEnvelope listed(String instrument, String currency, String indexId) {
        String family = instrument.substring(0, instrument.lastIndexOf('-'));
        String yyyymm = instrument.substring(instrument.lastIndexOf('-') + 1);
        String month = yyyymm.substring(0, 4) + "-" + yyyymm.substring(4);
        EventEnvelope event = EventEnvelope.of(ClearingEvents.INSTRUMENT_LISTED, instrument, 1, "clearing-service",
                new ClearingEvents.InstrumentListed(instrument, family, month,
                        LocalDate.parse(month + "-01").plusMonths(1).minusDays(1), currency, new BigDecimal("0.01"),
                        new BigDecimal("1000"), indexId, "SINGLE_FIXING", "ACTIVE", java.time.Instant.now()));
        TopicProbe.publish(Topics.CLEARING_INSTRUMENTS, instrument, EventCodec.encode(event));
        return event;
    }

    /** Waits until the account's requirement has been published {@code count} times; returns them in order. */
    public static List<MarginRequirementCalculated> awaitPublished(String account, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> published(account, Duration.ofSeconds(3)),
                events -> events.size() >= count);
    }

    public static List<MarginRequirementCalculated> published(String account, Duration settle) {
        return TopicProbe.readAll(Topics.MARGIN_REQUIREMENTS, settle).stream()
                .filter(r -> account.equals(r.key()))
                .map(r -> EventCodec.payload(EventCodec.decode(r.value()), MarginEvents.MARGIN_REQUIREMENT_CALCULATED))
                .toList();
    }

    /** A family of its own for a test (2 letters and 6 digits), so parameter and price changes touch no other test. */
    public static String newFamily(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /**
     * Creates the family's risk parameters effective today (HOUSE ratio 1.00, clients 1.10, extreme move 3 x 0.33,
     * contract unit 1000); returns the family.
     */
    public static String parameters(String family, String referencePrice, String scanFraction, String intraCharge) {
        return parameters(family, LocalDate.now(ZoneOffset.UTC), referencePrice, scanFraction, intraCharge);
    }

    public static String parameters(String family, LocalDate effectiveFrom, String referencePrice,
                                    String scanFraction, String intraCharge) {
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(Map.ofEntries(
                        Map.entry("effectiveFrom", effectiveFrom.toString()),
                        Map.entry("currency", "USD"),
                        Map.entry("contractUnit", 1000),
                        Map.entry("priceScanFraction", new BigDecimal(scanFraction)),
                        Map.entry("referencePrice", new BigDecimal(referencePrice)),
                        Map.entry("extremeMoveMultiple", 3),
                        Map.entry("extremeMoveCover", new BigDecimal("0.33")),
                        Map.entry("intraSpreadCharge", new BigDecimal(intraCharge)),
                        Map.entry("ratioHouse", 1),
                        Map.entry("ratioClientOmnibus", new BigDecimal("1.10")),
                        Map.entry("ratioClientSegregated", new BigDecimal("1.10"))))
                .when().put("/risk-parameters/" + family)
                .then().statusCode(201);
        return family;
    }
}
