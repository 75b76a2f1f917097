package io.computeclearing.margin.requirement;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.time.BusinessClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new risk parameter version re-margins its family's accounts when it takes effect: at once when effective today,
 * on the scheduled check when its date arrives by the business clock (which the test moves instead of waiting a
 * week). Families of the test's own, reference price 5.00, 1,000 units a contract: a scan fraction of 0.20 is
 * 1,000.00 a contract, 0.30 is 1,500.00.
 */
@QuarkusTest
class ParameterActivationTest {

    private static final String MEMBER = "MPA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    ParameterActivation activation;

    @Inject
    BusinessClock clock;

    @Test
    void versionEffectiveTodayRemarginsTheFamilysAccountsAtOnce() {
        String family = TestEvents.parameters(TestEvents.newFamily("PT"), "5.00", "0.20", "10.00");
        String account = TestEvents.open(MEMBER, "T1", "HOUSE");
        TestEvents.position(MEMBER, account, family + "-202701", 2, 0, 1);
        assertThat(TestEvents.awaitPublished(account, 1).getLast().requirements()).containsExactly(usd("2000.00"));

        // 2 x 5.00 x 0.30 x 1000 = 3,000.00
        TestEvents.parameters(family, "5.00", "0.30", "10.00");
        List<MarginRequirementCalculated> events = TestEvents.awaitPublished(account, 2);
        assertThat(events).hasSize(2);
        assertThat(events.getLast().requirements()).containsExactly(usd("3000.00"));
    }

    @Test
    void futureDatedVersionRemarginsWhenItsDateArrivesAndOnlyOnce() {
        String family = TestEvents.parameters(TestEvents.newFamily("PF"), "5.00", "0.20", "10.00");
        String account = TestEvents.open(MEMBER, "F1", "HOUSE");
        TestEvents.position(MEMBER, account, family + "-202701", 2, 0, 1);
        TestEvents.awaitPublished(account, 1);

        LocalDate nextWeek = TODAY.plusDays(7);
        TestEvents.parameters(family, nextWeek, "5.00", "0.30", "10.00");
        activation.scheduledCheck();
        assertThat(TestEvents.published(account, Duration.ofSeconds(2))).hasSize(1);

        // The scheduled check once the business clock has reached the effective date: 2 x 1,500.00 = 3,000.00, once.
        try {
            clock.fix(nextWeek.atTime(0, 0, 1).toInstant(ZoneOffset.UTC));
            activation.scheduledCheck();
            activation.scheduledCheck();
        } finally {
            clock.reset();
        }
        List<MarginRequirementCalculated> events = TestEvents.awaitPublished(account, 2);
        assertThat(TestEvents.published(account, Duration.ofSeconds(2))).hasSize(2);
        assertThat(events.getLast().requirements()).containsExactly(usd("3000.00"));
        assertThat(activation.applyDue(nextWeek)).isZero();
    }

    private static CurrencyRequirement usd(String amount) {
        return new CurrencyRequirement("USD", new BigDecimal(amount), new BigDecimal(amount));
    }
}
