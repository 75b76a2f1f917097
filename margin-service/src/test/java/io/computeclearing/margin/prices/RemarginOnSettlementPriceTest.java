package io.computeclearing.margin.prices;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latest daily settlement price of an instrument is the reference price of its risk array, and every new one
 * re-margins the accounts holding it. A family of the test's own: configured reference price 5.00, scan 20% of the
 * price, 1,000 units a contract, so one contract's scan range is 5.00 x 0.20 x 1000 = 1,000.00 until a settlement
 * price arrives; the extreme move (3 x range x 0.33 = 0.99 x range) never exceeds the full range.
 */
@QuarkusTest
class RemarginOnSettlementPriceTest {

    private static final String MEMBER = "MSP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void eachNewLatestPriceRemarginsHoldersAndFinalSettlementReleasesTheMargin() {
        String family = TestEvents.parameters(TestEvents.newFamily("SP"), "5.00", "0.20", "10.00");
        String jan = family + "-202701";
        String holder = TestEvents.open(MEMBER, "H1", "HOUSE");
        String bystander = TestEvents.open(MEMBER, "H2", "HOUSE");
        TestEvents.position(MEMBER, holder, jan, 2, 0, 1);
        TestEvents.position(MEMBER, bystander, "GH100-202701", 1, 0, 1);
        // configured reference: 2 x 1,000.00 = 2,000.00
        assertThat(last(holder, 1).requirements()).containsExactly(usd("2000.00"));
        TestEvents.awaitPublished(bystander, 1);

        // 6.00: 2 x 6.00 x 0.20 x 1000 = 2,400.00
        EventEnvelope six = price(jan, TestEvents.DAY, "6.00", 1);
        assertThat(last(holder, 2).requirements()).containsExactly(usd("2400.00"));

        // Republished the same day as version 2 at 4.50: 2 x 900.00 = 1,800.00
        price(jan, TestEvents.DAY, "4.50", 2);
        assertThat(last(holder, 3).requirements()).containsExactly(usd("1800.00"));

        // Redelivery, an older version and a price for an earlier date change nothing and publish nothing.
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, jan, EventCodec.encode(six));
        price(jan, TestEvents.DAY, "9.00", 1);
        price(jan, TestEvents.DAY.minusDays(1), "7.00", 1);

        // A negative price is legal: the range scales with its size, 2 x 2.00 x 0.20 x 1000 = 800.00
        price(jan, TestEvents.DAY.plusDays(1), "-2.00", 1);
        List<MarginRequirementCalculated> events = TestEvents.awaitPublished(holder, 4);
        assertThat(events).hasSize(4);
        assertThat(events.getLast().requirements()).containsExactly(usd("800.00"));

        // Final settlement closes the positions: nothing left to margin.
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, jan, EventCodec.encode(EventEnvelope.of(
                SettlementEvents.FINAL_SETTLEMENT_COMPLETED, jan, 9, "settlement-service",
                new FinalSettlementCompleted(jan, TestEvents.DAY.plusDays(1), new BigDecimal("-2.10"), "USD", 1,
                        Instant.now()))));
        MarginRequirementCalculated released = last(holder, 5);
        assertThat(released.requirements()).isEmpty();
        assertThat(released.breakdown()).isEmpty();

        // The account holding nothing of the instrument was never re-margined.
        assertThat(TestEvents.published(bystander, Duration.ofSeconds(2))).hasSize(1);
        assertThat(TestEvents.published(holder, Duration.ofSeconds(2))).hasSize(5);
    }

    private static MarginRequirementCalculated last(String account, int count) {
        List<MarginRequirementCalculated> events = TestEvents.awaitPublished(account, count);
        assertThat(events).hasSize(count);
        return events.getLast();
    }

    private static CurrencyRequirement usd(String amount) {
        return new CurrencyRequirement("USD", new BigDecimal(amount), new BigDecimal(amount));
    }

    private static EventEnvelope price(String instrument, java.time.LocalDate day, String price, int version) {
        EventEnvelope event = EventEnvelope.of(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, instrument, version,
                "settlement-service", new SettlementPricePublished(instrument, day, new BigDecimal(price), "USD",
                        version, Instant.now()));
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, instrument, EventCodec.encode(event));
        return event;
    }
}
