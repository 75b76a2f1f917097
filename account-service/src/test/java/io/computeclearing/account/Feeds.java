package io.computeclearing.account;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.platform.events.clearing.ClearingEvents.TransferredLeg;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundContributionRequired;
import io.computeclearing.platform.events.risk.RiskEvents.MemberDefaultDeclared;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.AccountCycleSettled;
import io.computeclearing.platform.events.settlement.SettlementEvents.CashLine;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Events from the other services, published the way margin-service and settlement-service publish them. */
public final class Feeds {

    public static final Duration ARRIVAL = Duration.ofSeconds(30);

    private Feeds() {
    }

    /** Publishes an initial margin requirement in one currency between settlement cycles; waits until applied. */
    public static void requirement(String account, String currency, String initialMargin) {
        requirement(account, currency, initialMargin, null);
    }

    /**
     * A settlement cycle as it reaches account-service: margin-service's requirement at the cycle's prices, then the
     * cycle's close without postings; waits until the call decision is taken. Returns the cycle id.
     */
    public static String cycle(String account, String currency, String initialMargin) {
        String cycleId = "2026-11-24/TEST-" + UUID.randomUUID().toString().substring(0, 8);
        requirement(account, currency, initialMargin, cycleId);
        closeCycle(cycleId, account, memberOf(account), List.of());
        awaitCycleDecided(account, cycleId);
        return cycleId;
    }

    /** Publishes the close of the cycle for the account, after the postings named; returns the event id. */
    public static UUID closeCycle(String cycleId, String account, String member, List<String> postingIds) {
        AccountCycleSettled closed = new AccountCycleSettled(cycleId, LocalDate.parse("2026-11-24"), account, member,
                postingIds, List.of(), Instant.now());
        UUID eventId = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(eventId, SettlementEvents.ACCOUNT_CYCLE_SETTLED.name(),
                SettlementEvents.ACCOUNT_CYCLE_SETTLED.schemaVersion(), "account", account, 1, "settlement-service",
                Instant.now(), EventCodec.toTree(closed));
        TopicProbe.publish(Topics.SETTLEMENT_CASH, account, EventCodec.encode(envelope));
        return eventId;
    }

    /** Waits until the account's cycle is CALLED or COVERED. */
    public static void awaitCycleDecided(String account, String cycleId) {
        await().atMost(ARRIVAL).untilAsserted(() -> Api.backOffice().get("/accounts/{id}/settlement-cycles", account)
                .then().statusCode(200).body("find { it.cycleId == '" + cycleId + "' }.decidedAt",
                        org.hamcrest.Matchers.notNullValue()));
    }

    /** Publishes an initial margin requirement, for the cycle if {@code cycleId} is given; waits until applied. */
    public static void requirement(String account, String currency, String initialMargin, String cycleId) {
        BigDecimal initial = new BigDecimal(initialMargin);
        MarginRequirementCalculated payload = new MarginRequirementCalculated(account, Instant.now(),
                List.of(new CurrencyRequirement(currency, initial,
                        initial.divide(new BigDecimal("1.1"), 2, RoundingMode.CEILING))), List.of(), cycleId);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), MarginEvents.MARGIN_REQUIREMENT_CALCULATED.name(),
                MarginEvents.MARGIN_REQUIREMENT_CALCULATED.schemaVersion(), "account", account, 1, "margin-service",
                Instant.now(), EventCodec.toTree(payload));
        TopicProbe.publish(Topics.MARGIN_REQUIREMENTS, account, EventCodec.encode(envelope));
        await().atMost(ARRIVAL).untilAsserted(() -> Api.backOffice()
                .get("/accounts/{id}/margin-requirement", account).then().statusCode(200)
                .body("requirements[0].initialMargin", org.hamcrest.Matchers.equalTo(initial)));
    }

    private static String memberOf(String account) {
        return Api.backOffice().get("/accounts/{id}", account).then().statusCode(200).extract().path("memberId");
    }

    /**
     * A cash posting as settlement-service would publish it (one line, for GH100-202701), with its stable posting id
     * {@code kind:businessDate:accountId:currency}.
     */
    public static SettlementCashPosted posting(String kind, LocalDate businessDate, String account, String member,
                                        String currency, String amount) {
        BigDecimal signed = new BigDecimal(amount);
        return new SettlementCashPosted(kind + ":" + businessDate + ":" + account + ":" + currency, kind,
                businessDate, account, member, currency, signed,
                List.of(new CashLine("GH100-202701", 10, 10, new BigDecimal("2.600"), new BigDecimal("2.650"), signed)),
                Instant.now());
    }

    /** Publishes the posting in an event of its own; returns the event id. */
    public static UUID publish(SettlementCashPosted posting) {
        return publish(UUID.randomUUID(), posting);
    }

    public static UUID publish(UUID eventId, SettlementCashPosted posting) {
        EventEnvelope envelope = new EventEnvelope(eventId, SettlementEvents.SETTLEMENT_CASH_POSTED.name(),
                SettlementEvents.SETTLEMENT_CASH_POSTED.schemaVersion(), "account", posting.accountId(), 1,
                "settlement-service", Instant.now(), EventCodec.toTree(posting));
        TopicProbe.publish(Topics.SETTLEMENT_CASH, posting.accountId(), EventCodec.encode(envelope));
        return eventId;
    }

    /** Waits until the event is in the settlement cash consumer's inbox (applied, or found to be a duplicate). */
    public static void awaitApplied(DatabaseProbe db, UUID eventId) {
        await().atMost(ARRIVAL).until(() -> db.count("select count(*) from inbox_event where consumer = ? and "
                + "event_id = ?", "account-service.settlement-cash", eventId) == 1);
    }

    /**
     * Publishes a member's required default fund contribution as risk-service does (USD, effective 2026-12-01) and
     * waits until the default fund consumer has taken it (applied, ignored or parked).
     */
    public static UUID contributionRequired(DatabaseProbe db, String member, long sizingId, String amount) {
        return contributionRequired(db, member, sizingId, "USD", amount);
    }

    public static UUID contributionRequired(DatabaseProbe db, String member, long sizingId, String currency,
                                            String amount) {
        return contributionRequired(db, UUID.randomUUID(), member, sizingId, currency, amount);
    }

    /** The same, under a given event id: a redelivery when the id was published before. */
    public static UUID contributionRequired(DatabaseProbe db, UUID eventId, String member, long sizingId,
                                            String currency, String amount) {
        DefaultFundContributionRequired payload = new DefaultFundContributionRequired(sizingId, member, currency,
                new BigDecimal(amount), LocalDate.parse("2026-12-01"), Instant.now());
        return publishAndAwait(db, "account-service.default-fund-contributions", eventId,
                RiskEvents.DEFAULT_FUND_CONTRIBUTION_REQUIRED, member, "risk-service", payload);
    }

    /**
     * Publishes a member's default as risk-service declares it once a second person approved it (proposed by
     * {@code risk-anna}, approved by {@code risk-ben}) under the given event id (a redelivery when it was published
     * before), and waits until the member defaults consumer has taken it (applied, or parked).
     */
    public static UUID defaultDeclared(DatabaseProbe db, UUID eventId, long defaultId, String member, String reason,
                                       String detail) {
        MemberDefaultDeclared payload = new MemberDefaultDeclared(defaultId, member, reason, detail, "risk-anna",
                "risk-ben", Instant.now());
        return publishAndAwait(db, "account-service.member-defaults", eventId, RiskEvents.MEMBER_DEFAULT_DECLARED,
                member, "risk-service", payload);
    }

    /**
     * A default-management transfer as clearing-service publishes it once booked (one leg, 10 GH100-202701 at 2.650),
     * the copy keyed by {@code keyedBy}: clearing-service publishes one keyed by each of the two accounts.
     */
    public static PositionsTransferred positionsTransferred(String transferId, long defaultId, String purpose,
                                                            String fromAccount, String fromMember, String toAccount,
                                                            String toMember, String keyedBy) {
        return new PositionsTransferred(transferId, defaultId, purpose, fromAccount, fromMember, toAccount, toMember,
                LocalDate.parse("2026-12-08"), List.of(new TransferredLeg(9001, 18001, 18002, "GH100-202701", 10,
                new BigDecimal("2.650"), "USD", new BigDecimal("1000"))), keyedBy, Instant.now());
    }

    /**
     * Publishes the transfer under the given event id (a redelivery when it was published before), keyed by the copy's
     * account, and waits until the position transfer consumer has taken it (applied, or parked).
     */
    public static UUID positionsTransferred(DatabaseProbe db, UUID eventId, PositionsTransferred transfer) {
        return publishAndAwait(db, "account-service.position-transfers", eventId,
                ClearingEvents.POSITIONS_TRANSFERRED, transfer.accountId(), "clearing-service", transfer);
    }

    /**
     * Publishes the payload as {@code source} does, on its type's topic keyed by the aggregate, and waits until the
     * consumer has taken it: in its inbox (applied, or a duplicate) or parked.
     */
    private static <P> UUID publishAndAwait(DatabaseProbe db, String consumer, UUID eventId, EventType<P> type,
                                            String aggregateId, String source, P payload) {
        EventEnvelope envelope = new EventEnvelope(eventId, type.name(), type.schemaVersion(), type.aggregateType(),
                aggregateId, 1, source, Instant.now(), EventCodec.toTree(payload));
        TopicProbe.publish(type.topic(), aggregateId, EventCodec.encode(envelope));
        await().atMost(ARRIVAL).until(() -> db.count("select count(*) from inbox_event where consumer = ? and "
                + "event_id = ?", consumer, eventId)
                + db.count("select count(*) from parked_event where event_id = ?", eventId) == 1);
        return eventId;
    }
}
