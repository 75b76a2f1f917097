package io.computeclearing.account.porting;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A defaulted member's client account ported to another member (clearing-service's PositionsTransferred, purpose
 * PORTING, on ccp.clearing.trades.v1): all its collateral, cash in every currency (a balance owed included) and
 * securities, moves to the receiving account once, through the CCP's transit book CCP_PORTING; a transfer that does
 * not fit is parked and moves nothing; AUCTION and HEDGE transfers move no collateral.
 */
@QuarkusTest
class PortingCollateralTest {

    private static final String CONSUMER = PositionTransferConsumer.INBOX_CONSUMER;

    @Inject
    DatabaseProbe db;

    @Test
    void aPortedClientAccountsCashAndSecuritiesMoveToTheReceivingAccountExactlyOnce() {
        Api.setFxRate("USD", "CNY", "7.10");
        String bond = Api.unique("US91282CPT");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "98.50");
        String defaulter = Api.registerMember("PORTD");
        String client = Api.openAccount(defaulter, "CLIENT_SEGREGATED", "USD");
        Api.deposit(client, "USD", "1250000.37");
        Api.deposit(client, "CNY", "3000000.05");
        Api.moveSecurity(client, "deposits", Api.idempotencyKey(), bond, "500000").then().statusCode(201);
        String receiver = Api.registerMember("PORTR");
        String target = Api.openAccount(receiver, "CLIENT_SEGREGATED", "USD");
        Api.deposit(target, "USD", "100000.00");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 51, defaulter, "MISSED_MARGIN_CALL", null);
        String transferId = Api.unique("TR-PORT");
        PositionsTransferred fromCopy = Feeds.positionsTransferred(transferId, 51, "PORTING", client, defaulter,
                target, receiver, client);

        UUID eventId = Feeds.positionsTransferred(db, UUID.randomUUID(), fromCopy);

        assertThat(db.count("select count(*) from parked_event where consumer = ? and aggregate_id in (?, ?)",
                CONSUMER, client, target)).isZero();
        Api.backOffice().get("/accounts/{id}/balances", client).then().statusCode(200)
                .body("holdings", empty())
                .body("collateralValue", equalTo(new BigDecimal("0.00")));
        Api.backOffice().get("/accounts/{id}/balances", target).then().statusCode(200)
                .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("1350000.37")))
                .body("holdings.find { it.asset == 'CNY' }.quantity", equalTo(new BigDecimal("3000000.05")))
                .body("holdings.find { it.asset == '%s' }.quantity".formatted(bond),
                        equalTo(new BigDecimal("500000.00")));

        String prefix = "PORTING transfer " + transferId + " of default 51";
        JsonPath out = Api.backOffice().get("/accounts/{id}/journal", client).then().statusCode(200)
                .extract().jsonPath();
        assertThat(out.getList("entries.findAll { it.kind == 'PORTED_OUT' }.postings.flatten()"
                + ".findAll { it.book == 'MEMBER_COLLATERAL' }.asset", String.class))
                .containsExactlyInAnyOrder("USD", "CNY", bond);
        assertThat(portedQuantity(out, "PORTED_OUT", "USD", "MEMBER_COLLATERAL"))
                .isEqualTo(new BigDecimal("-1250000.37"));
        assertThat(portedQuantity(out, "PORTED_OUT", "USD", "CCP_PORTING")).isEqualTo(new BigDecimal("1250000.37"));
        assertThat(portedQuantity(out, "PORTED_OUT", "CNY", "MEMBER_COLLATERAL"))
                .isEqualTo(new BigDecimal("-3000000.05"));
        assertThat(portedQuantity(out, "PORTED_OUT", bond, "MEMBER_COLLATERAL"))
                .isEqualTo(new BigDecimal("-500000.00"));
        assertThat(out.getString("entries.find { it.kind == 'PORTED_OUT' }.createdBy"))
                .isEqualTo("default-management");
        assertThat(out.getList("entries.findAll { it.kind == 'PORTED_OUT' }.reference", String.class))
                .containsOnly(prefix + " to account " + target);
        assertThat(out.getString("entries.find { it.kind == 'PORTED_OUT' && it.postings[0].asset == 'USD' }"
                + ".idempotencyKey")).isEqualTo("porting:" + transferId + ":CASH:USD");

        JsonPath in = Api.backOffice().get("/accounts/{id}/journal", target).then().statusCode(200)
                .extract().jsonPath();
        assertThat(portedQuantity(in, "PORTED_IN", "USD", "MEMBER_COLLATERAL"))
                .isEqualTo(new BigDecimal("1250000.37"));
        assertThat(portedQuantity(in, "PORTED_IN", "USD", "CCP_PORTING")).isEqualTo(new BigDecimal("-1250000.37"));
        assertThat(portedQuantity(in, "PORTED_IN", "CNY", "MEMBER_COLLATERAL"))
                .isEqualTo(new BigDecimal("3000000.05"));
        assertThat(portedQuantity(in, "PORTED_IN", bond, "MEMBER_COLLATERAL")).isEqualTo(new BigDecimal("500000.00"));
        assertThat(in.getList("entries.findAll { it.kind == 'PORTED_IN' }.reference", String.class))
                .containsOnly(prefix + " from account " + client);
        assertThat(unbalancedTransitAssets(transferId)).isZero();

        assertThat(movements(client, "PORTED_OUT", "USD", "1250000.37")).isEqualTo(1);
        assertThat(movements(client, "PORTED_OUT", "CNY", "3000000.05")).isEqualTo(1);
        assertThat(movements(client, "PORTED_OUT", bond, "500000.00")).isEqualTo(1);
        assertThat(movements(target, "PORTED_IN", "USD", "1250000.37")).isEqualTo(1);
        assertThat(movements(target, "PORTED_IN", "CNY", "3000000.05")).isEqualTo(1);
        assertThat(movements(target, "PORTED_IN", bond, "500000.00")).isEqualTo(1);
        Api.backOffice().get("/accounts/{id}/cover", client).then().statusCode(200)
                .body("cause", equalTo("PORTING"))
                .body("collateralValue", equalTo(new BigDecimal("0.00")));
        BigDecimal targetValue = Api.backOffice().get("/accounts/{id}/balances", target).then().extract()
                .jsonPath().getObject("collateralValue", BigDecimal.class);
        Api.backOffice().get("/accounts/{id}/cover", target).then().statusCode(200)
                .body("cause", equalTo("PORTING"))
                .body("collateralValue", equalTo(targetValue));

        // The broker delivers the event again; the receiving account's copy arrives; clearing-service publishes the
        // transfer again under a new id. None moves anything more.
        Feeds.positionsTransferred(db, eventId, fromCopy);
        Feeds.positionsTransferred(db, UUID.randomUUID(), Feeds.positionsTransferred(transferId, 51, "PORTING",
                client, defaulter, target, receiver, target));
        Feeds.positionsTransferred(db, UUID.randomUUID(), fromCopy);

        assertThat(db.count("select count(*) from parked_event where consumer = ? and aggregate_id in (?, ?)",
                CONSUMER, client, target)).isZero();
        assertThat(db.count("select count(*) from journal_entry where idempotency_key like ?",
                "porting:" + transferId + ":%")).isEqualTo(6);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id in (?, ?) and event_type = "
                + "'CollateralMovementRecorded' and payload->>'movement' like 'PORTED%'", client, target))
                .isEqualTo(6);
        assertThat(db.count("select count(*) from ported_transfer where transfer_id = ? and event_id = ? and "
                + "assets_moved = 3", transferId, eventId)).isEqualTo(1);
        Api.backOffice().get("/accounts/{id}/balances", target).then()
                .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("1350000.37")))
                .body("holdings.find { it.asset == 'CNY' }.quantity", equalTo(new BigDecimal("3000000.05")));
    }

    @Test
    void aBalanceOwedFollowsTheClientAsCollateralDoes() {
        Api.setFxRate("USD", "CNY", "7.10");
        String defaulter = Api.registerMember("PORTDD");
        String client = Api.openAccount(defaulter, "CLIENT_SEGREGATED", "USD");
        Api.deposit(client, "CNY", "71000.00");
        Feeds.awaitApplied(db, Feeds.publish(Feeds.posting("VARIATION_MARGIN", LocalDate.parse("2026-12-07"), client,
                defaulter, "USD", "-2500.75")));
        String receiver = Api.registerMember("PORTDR");
        String target = Api.openAccount(receiver, "CLIENT_SEGREGATED", "USD");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 52, defaulter, "MISSED_MARGIN_CALL", null);
        String transferId = Api.unique("TR-DEBIT");

        Feeds.positionsTransferred(db, UUID.randomUUID(), Feeds.positionsTransferred(transferId, 52, "PORTING",
                client, defaulter, target, receiver, client));

        Api.backOffice().get("/accounts/{id}/balances", client).then().body("holdings", empty());
        Api.backOffice().get("/accounts/{id}/balances", target).then()
                .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("-2500.75")))
                .body("holdings.find { it.asset == 'CNY' }.quantity", equalTo(new BigDecimal("71000.00")));
        JsonPath out = Api.backOffice().get("/accounts/{id}/journal", client).then().extract().jsonPath();
        assertThat(portedQuantity(out, "PORTED_OUT", "USD", "MEMBER_COLLATERAL")).isEqualTo(new BigDecimal("2500.75"));
        assertThat(portedQuantity(out, "PORTED_OUT", "USD", "CCP_PORTING")).isEqualTo(new BigDecimal("-2500.75"));
        assertThat(movements(client, "DEBIT_PORTED_OUT", "USD", "2500.75")).isEqualTo(1);
        assertThat(movements(target, "DEBIT_PORTED_IN", "USD", "2500.75")).isEqualTo(1);
        assertThat(movements(target, "PORTED_IN", "CNY", "71000.00")).isEqualTo(1);
        assertThat(unbalancedTransitAssets(transferId)).isZero();
    }

    @Test
    void aTransferThatDoesNotFitIsParkedAndMovesNothing() {
        String active = Api.registerMember("PORTA");
        String activeClient = Api.openAccount(active, "CLIENT_SEGREGATED", "USD");
        String defaulter = Api.registerMember("PORTX");
        String toUnknown = Api.openAccount(defaulter, "CLIENT_SEGREGATED", "USD");
        String toSuspended = Api.openAccount(defaulter, "CLIENT_SEGREGATED", "USD");
        List.of(activeClient, toUnknown, toSuspended).forEach(account -> Api.deposit(account, "USD", "1000.00"));
        String receiver = Api.registerMember("PORTY");
        String target = Api.openAccount(receiver, "CLIENT_SEGREGATED", "USD");
        String suspended = Api.openAccount(receiver, "CLIENT_SEGREGATED", "USD");
        Api.backOffice().body("{\"reason\":\"margin call unmet\"}").post("/accounts/{id}/suspend", suspended)
                .then().statusCode(200);
        Feeds.defaultDeclared(db, UUID.randomUUID(), 53, defaulter, "INSOLVENCY", null);
        String nowhere = Api.unique("NOWHERE");

        UUID notDefaulted = port(53, activeClient, active, target, receiver);
        UUID unknownTarget = port(53, toUnknown, defaulter, nowhere, receiver);
        UUID suspendedTarget = port(53, toSuspended, defaulter, suspended, receiver);

        assertThat(parked(notDefaulted, activeClient, "%of member " + active + ", which is ACTIVE, not DEFAULTED"))
                .isEqualTo(1);
        assertThat(parked(unknownTarget, toUnknown, "%names unknown account " + nowhere)).isEqualTo(1);
        assertThat(parked(suspendedTarget, toSuspended, "%ports into account " + suspended + " (SUSPENDED) of member "
                + receiver + " (ACTIVE); both must be ACTIVE")).isEqualTo(1);
        for (String account : List.of(activeClient, toUnknown, toSuspended)) {
            Api.backOffice().get("/accounts/{id}/balances", account).then()
                    .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("1000.00")));
        }
        assertThat(db.count("select count(*) from journal_entry where account_id in (?, ?, ?, ?, ?) and kind like "
                + "'PORTED%'", activeClient, toUnknown, toSuspended, target, suspended)).isZero();
        assertThat(db.count("select count(*) from ported_transfer where from_account_id in (?, ?, ?)", activeClient,
                toUnknown, toSuspended)).isZero();
    }

    @Test
    void auctionAndHedgeTransfersAndTheReceivingCopyMoveNoCollateral() {
        String defaulter = Api.registerMember("PORTH");
        String house = Api.openAccount(defaulter, "USD");
        Api.deposit(house, "USD", "5000.00");
        String bidder = Api.registerMember("PORTB");
        String bidderAccount = Api.openAccount(bidder, "USD");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 54, defaulter, "INSOLVENCY", null);

        UUID auction = Feeds.positionsTransferred(db, UUID.randomUUID(), Feeds.positionsTransferred(
                Api.unique("TR-AUCTION"), 54, "AUCTION", house, defaulter, bidderAccount, bidder, house));
        UUID hedge = Feeds.positionsTransferred(db, UUID.randomUUID(), Feeds.positionsTransferred(
                Api.unique("TR-HEDGE"), 54, "HEDGE", house, defaulter, bidderAccount, bidder, house));
        // the receiving account's copy alone, the giving account's not (yet) arrived: it never moves anything
        UUID receivingCopy = Feeds.positionsTransferred(db, UUID.randomUUID(), Feeds.positionsTransferred(
                Api.unique("TR-PORT"), 54, "PORTING", house, defaulter, bidderAccount, bidder, bidderAccount));

        for (UUID eventId : List.of(auction, hedge, receivingCopy)) {
            assertThat(db.count("select count(*) from inbox_event where consumer = ? and event_id = ?", CONSUMER,
                    eventId)).isEqualTo(1);
        }
        assertThat(db.count("select count(*) from parked_event where event_id in (?, ?, ?)", auction, hedge,
                receivingCopy)).isZero();
        assertThat(db.count("select count(*) from journal_entry where account_id in (?, ?) and kind like "
                + "'PORTED%'", house, bidderAccount)).isZero();
        assertThat(db.count("select count(*) from ported_transfer where from_account_id = ?", house)).isZero();
        Api.backOffice().get("/accounts/{id}/balances", house).then()
                .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("5000.00")));
    }

    @Test
    void aClientAccountHoldingNothingIsPortedWithoutJournalEntries() {
        String defaulter = Api.registerMember("PORTE");
        String client = Api.openAccount(defaulter, "CLIENT_OMNIBUS", "USD");
        String receiver = Api.registerMember("PORTF");
        String target = Api.openAccount(receiver, "CLIENT_OMNIBUS", "USD");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 55, defaulter, "INSOLVENCY", null);
        String transferId = Api.unique("TR-EMPTY");

        UUID eventId = port(transferId, 55, client, defaulter, target, receiver);

        assertThat(db.count("select count(*) from ported_transfer where transfer_id = ? and event_id = ? and "
                + "assets_moved = 0", transferId, eventId)).isEqualTo(1);
        assertThat(db.count("select count(*) from journal_entry where account_id in (?, ?)", client, target)).isZero();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id in (?, ?) and event_type = "
                + "'CollateralMovementRecorded'", client, target)).isZero();
    }

    /** Publishes the giving account's copy of a PORTING transfer with a new id and waits until it is taken. */
    private UUID port(long defaultId, String from, String fromMember, String to, String toMember) {
        return port(Api.unique("TR"), defaultId, from, fromMember, to, toMember);
    }

    private UUID port(String transferId, long defaultId, String from, String fromMember, String to, String toMember) {
        return Feeds.positionsTransferred(db, UUID.randomUUID(), Feeds.positionsTransferred(transferId, defaultId,
                "PORTING", from, fromMember, to, toMember, from));
    }

    /** The quantity on {@code book} of the journal's only entry of {@code kind} in {@code asset}. */
    private static BigDecimal portedQuantity(JsonPath journal, String kind, String asset, String book) {
        return journal.getObject(("entries.find { it.kind == '%s' && it.postings.any { p -> p.asset == '%s' } }"
                + ".postings.find { it.book == '%s' }.quantity").formatted(kind, asset, book), BigDecimal.class);
    }

    /** CollateralMovementRecorded events of the account with this movement, asset and quantity. */
    private long movements(String account, String movement, String asset, String quantity) {
        return db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'CollateralMovementRecorded' and payload->>'movement' = ? and payload->>'asset' = ? and "
                + "payload->>'quantity' = ?", account, movement, asset, quantity);
    }

    /** Assets whose CCP_PORTING postings of the transfer do not sum to zero. */
    private long unbalancedTransitAssets(String transferId) {
        return db.count("""
                select count(*) from (
                    select p.asset from journal_posting p join journal_entry e on e.id = p.entry_id
                    where p.book = 'CCP_PORTING' and e.idempotency_key like ?
                    group by p.asset having sum(p.quantity) <> 0) unbalanced""", "porting:" + transferId + ":%");
    }

    /** Parked events of this consumer with this id, on the account, whose reason ends as {@code reasonPattern}. */
    private long parked(UUID eventId, String account, String reasonPattern) {
        return db.count("select count(*) from parked_event where consumer = ? and event_id = ? and aggregate_id = ? "
                + "and reason like ?", CONSUMER, eventId, account, reasonPattern);
    }
}
