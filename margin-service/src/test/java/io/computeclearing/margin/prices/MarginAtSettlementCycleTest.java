package io.computeclearing.margin.prices;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.AccountCycleSettled;
import io.computeclearing.platform.events.settlement.SettlementEvents.CyclePrice;
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
 * A settlement cycle closed for an account has it margined at the cycle's prices, and the requirement carries the
 * cycle id, so that account-service calls margin from it and the cycle's postings together; an intraday cycle's price
 * stays the reference price until the day's settlement price arrives. The test's own family:
 * scan 20% of the price, 1,000 units a contract, so one contract's scan range is price x 0.20 x 1000.
 */
@QuarkusTest
class MarginAtSettlementCycleTest {

    private static final String MEMBER = "MSC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void theCyclesPricesSetTheRequirementAndItsFinalPricesReleaseIt() {
        String family = TestEvents.parameters(TestEvents.newFamily("SC"), "5.00", "0.20", "10.00");
        String jan = family + "-202701";
        String feb = family + "-202702";
        String account = TestEvents.open(MEMBER, "H1", "HOUSE");
        TestEvents.position(MEMBER, account, jan, 2, 0, 1);
        // configured reference 5.00: 2 x 5.00 x 0.20 x 1000 = 2,000.00, between cycles
        MarginRequirementCalculated between = TestEvents.awaitPublished(account, 1).getLast();
        assertThat(between.requirements()).containsExactly(usd("2000.00"));
        assertThat(between.cycleId()).isNull();

        // an intraday cycle settled JAN at 7.00: 2 x 7.00 x 0.20 x 1000 = 2,800.00, for the cycle
        String cycleId = TestEvents.DAY + "/INTRADAY-1";
        EventEnvelope closed = close(account, cycleId, new CyclePrice(jan, "DAILY", new BigDecimal("7.00"), 2));
        MarginRequirementCalculated atCycle = TestEvents.awaitPublished(account, 2).getLast();
        assertThat(atCycle.requirements()).containsExactly(usd("2800.00"));
        assertThat(atCycle.cycleId()).isEqualTo(cycleId);

        // a redelivered close publishes nothing more
        TopicProbe.publish(Topics.SETTLEMENT_CASH, account, EventCodec.encode(closed));
        assertThat(TestEvents.published(account, Duration.ofSeconds(2))).hasSize(2);

        // until the day's settlement price arrives the cycle's price is the reference: a third lot, 3 x 1,400.00
        TestEvents.position(MEMBER, account, jan, 3, 0, 2);
        assertThat(TestEvents.awaitPublished(account, 3).getLast().requirements()).containsExactly(usd("4200.00"));
        // the day's settlement price, 6.00, takes its place: 3 x 6.00 x 0.20 x 1000 = 3,600.00
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, jan, EventCodec.encode(EventEnvelope.of(
                SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, jan, 1, "settlement-service",
                new SettlementPricePublished(jan, TestEvents.DAY, new BigDecimal("6.00"), "USD", 1, Instant.now()))));
        assertThat(TestEvents.awaitPublished(account, 4).getLast().requirements()).containsExactly(usd("3600.00"));

        // the next cycle finally settles JAN (-0.50, negative prices are legal): nothing is left to margin, whether
        // or not the final settlement has reached this service on its own topic yet
        close(account, TestEvents.DAY.plusDays(1) + "/END_OF_DAY",
                new CyclePrice(jan, "FINAL", new BigDecimal("-0.50"), 3),
                new CyclePrice(feb, "DAILY", new BigDecimal("4.00"), 0));
        MarginRequirementCalculated released = TestEvents.awaitPublished(account, 5).getLast();
        assertThat(released.requirements()).isEmpty();
        assertThat(released.cycleId()).isEqualTo(TestEvents.DAY.plusDays(1) + "/END_OF_DAY");
    }

    private static EventEnvelope close(String account, String cycleId, CyclePrice... prices) {
        EventEnvelope event = EventEnvelope.of(SettlementEvents.ACCOUNT_CYCLE_SETTLED, account, 1,
                "settlement-service", new AccountCycleSettled(cycleId, TestEvents.DAY, account, MEMBER, List.of(),
                        List.of(prices), Instant.now()));
        TopicProbe.publish(Topics.SETTLEMENT_CASH, account, EventCodec.encode(event));
        return event;
    }

    private static CurrencyRequirement usd(String amount) {
        return new CurrencyRequirement("USD", new BigDecimal(amount), new BigDecimal(amount));
    }
}
