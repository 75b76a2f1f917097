package io.computeclearing.clearing.transfer;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.clearing.transfer.Transfers.Instruction;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionTransferRefused;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.computeclearing.clearing.transfer.Transfers.leg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transfer that breaks a rule is refused with the rule's name (PositionTransferRefused) and moves nothing; the
 * refusal is kept, so the same instruction again gets no second answer. An instruction that makes no sense as a
 * structure is parked for an operator, never skipped, and so is what follows it for the same account.
 */
@QuarkusTest
class PositionTransferRefusalTest {

    @Inject
    DatabaseProbe database;

    @Inject
    DataSource dataSource;

    @Test
    void aTransferThatBreaksARuleIsRefusedWithItsReasonAndNothingMoves() {
        LocalDate tradeDate = LocalDate.of(2024, 3, 25);
        LocalDate priceDate = tradeDate;
        String defaulting = Accounts.member("PRD");
        String active = Accounts.member("PRA");
        String receiving = Accounts.member("PRR");
        String suspended = Accounts.member("PRS");
        String defaulted = Accounts.open(defaulting, "HOUSE");
        String defaultersClients = Accounts.open(defaulting, "CLIENT_OMNIBUS");
        String activeHouse = Accounts.open(active, "HOUSE");
        String receiver = Accounts.open(receiving, "HOUSE");
        String closed = Accounts.open(suspended, "HOUSE");
        Accounts.awaitTradable(defaulted, defaultersClients, activeHouse, receiver, closed);
        List<String> instruments = Api.newFamily();
        String instrument = instruments.get(1);

        // The defaulter holds long 3, bought from the active member, who is short 3.
        Api.openDay(tradeDate);
        Api.cleared(TestTrade.of(instrument, 3, "6.00", defaulted, activeHouse).on(tradeDate));
        Accounts.defaulted(defaulting, defaulted, "default 44: MISSED_MARGIN_CALL");
        Accounts.suspend(suspended, closed);
        Api.openDay(tradeDate.plusDays(1));

        // Prices of 1 April are stale once 2 April has closed; nothing is open after 1 June 2150; the front month
        // has expired by 4 January 2149.
        LocalDate stalePriceDate = LocalDate.of(2024, 4, 1);
        Api.openDay(stalePriceDate.plusDays(1));
        Api.backOffice().post("/business-days/{date}/close", stalePriceDate.plusDays(1).toString()).then()
                .statusCode(200);
        Api.openDay(stalePriceDate.plusDays(2));
        Api.openDay(LocalDate.of(2149, 1, 4));

        Map<String, Instruction> refused = Map.of(
                "NOT_DEFAULTED", Instruction.of("PORTING", active, activeHouse, receiving, receiver, priceDate,
                        leg(instrument, -3, "6.00")),
                "UNKNOWN_ACCOUNT", Instruction.of("PORTING", defaulting, defaulted, receiving, "NOBODY-H",
                        priceDate, leg(instrument, 3, "6.00")),
                "SAME_MEMBER", Instruction.of("PORTING", defaulting, defaulted, defaulting, defaultersClients,
                        priceDate, leg(instrument, 3, "6.00")),
                "RECEIVER_CLOSED", Instruction.of("AUCTION", defaulting, defaulted, suspended, closed, priceDate,
                        leg(instrument, 3, "6.00")),
                "UNKNOWN_INSTRUMENT", Instruction.of("HEDGE", defaulting, defaulted, receiving, receiver, priceDate,
                        leg("NOPE-209901", 1, "1")),
                "NOT_HELD", Instruction.of("AUCTION", defaulting, defaulted, receiving, receiver, priceDate,
                        leg(instrument, 5, "6.00")),
                "PRICES_STALE", Instruction.of("PORTING", defaulting, defaulted, receiving, receiver,
                        stalePriceDate, leg(instrument, 3, "6.00")),
                "NO_OPEN_DAY", Instruction.of("PORTING", defaulting, defaulted, receiving, receiver,
                        LocalDate.of(2150, 6, 1), leg(instrument, 3, "6.00")),
                "INSTRUMENT_EXPIRED", Instruction.of("HEDGE", defaulting, defaulted, receiving, receiver,
                        LocalDate.of(2149, 1, 1), leg(instruments.get(0), 1, "6.00")));
        // A short the defaulter does not have is not held either (its net is +3).
        Instruction shortNotHeld = Instruction.of("PORTING", defaulting, defaulted, receiving, receiver, priceDate,
                leg(instrument, -1, "6.00"));
        refused.values().forEach(Transfers::publish);
        Transfers.publish(shortNotHeld);
        refused.values().forEach(instruction -> Transfers.awaitDecision(database, instruction.transferId()));
        Transfers.awaitDecision(database, shortNotHeld.transferId());

        Map<String, PositionTransferRefused> answers = Transfers.published(Topics.CLEARING_TRADES,
                        ClearingEvents.POSITION_TRANSFER_REFUSED, r -> r.fromAccountId().equals(defaulted)
                                || r.fromAccountId().equals(activeHouse), refused.size() + 1).stream()
                .collect(Collectors.toMap(PositionTransferRefused::transferId, Function.identity()));
        refused.forEach((reason, instruction) -> {
            PositionTransferRefused answer = answers.get(instruction.transferId());
            assertThat(answer).as(reason).isNotNull();
            assertThat(answer.reason()).isEqualTo(reason);
            assertThat(answer.purpose()).isEqualTo(instruction.purpose());
            assertThat(answer.fromAccountId()).isEqualTo(instruction.fromAccount());
            assertThat(answer.toAccountId()).isEqualTo(instruction.toAccount());
            assertThat(answer.defaultId()).isEqualTo(41);
            assertThat(database.count("select count(*) from position_transfer where transfer_id = ? "
                    + "and status = 'REFUSED' and refusal_reason = ?", instruction.transferId(), reason))
                    .as(reason).isEqualTo(1);
        });
        assertThat(answers.get(shortNotHeld.transferId()).reason()).isEqualTo("NOT_HELD");

        // What was found, in words the default manager can act on.
        assertThat(detail(answers, refused.get("NOT_DEFAULTED"))).isEqualTo("member " + active + " of account '"
                + activeHouse + "' is ACTIVE, not DEFAULTED: only a defaulted member's positions are transferred");
        assertThat(detail(answers, refused.get("UNKNOWN_ACCOUNT"))).isEqualTo("account 'NOBODY-H' is not known");
        assertThat(detail(answers, refused.get("SAME_MEMBER"))).isEqualTo("account '" + defaultersClients
                + "' belongs to " + defaulting + ", the defaulted member itself");
        assertThat(detail(answers, refused.get("RECEIVER_CLOSED"))).isEqualTo("account '" + closed
                + "' does not accept business (account SUSPENDED)");
        assertThat(detail(answers, refused.get("UNKNOWN_INSTRUMENT")))
                .isEqualTo("instrument 'NOPE-209901' is not listed");
        assertThat(detail(answers, refused.get("NOT_HELD"))).isEqualTo("account '" + defaulted + "' holds net 3 of "
                + instrument + ": it cannot give a long of 5");
        assertThat(detail(answers, shortNotHeld)).isEqualTo("account '" + defaulted + "' holds net 3 of "
                + instrument + ": it cannot give a short of 1");
        assertThat(detail(answers, refused.get("PRICES_STALE"))).isEqualTo("1 business day(s) closed after the "
                + "price date 2024-04-01 (the latest 2024-04-02), before 2024-04-03, the first open one: the prices "
                + "are not the last settlement prices");
        assertThat(detail(answers, refused.get("NO_OPEN_DAY")))
                .isEqualTo("no business day after the price date 2150-06-01 is open");
        assertThat(detail(answers, refused.get("INSTRUMENT_EXPIRED"))).startsWith("instrument '"
                + instruments.get(0) + "' expired after its last trading day ").endsWith(", before the transfer's "
                + "business date 2149-01-04");

        // Nothing moved, nothing was booked.
        assertThat(Api.position(defaulted, instrument)).containsExactly(3L, 0L);
        assertThat(Api.position(activeHouse, instrument)).containsExactly(0L, 3L);
        assertThat(Api.position(receiver, instrument)).containsExactly(0L, 0L);
        assertThat(Api.position(defaultersClients, instrument)).containsExactly(0L, 0L);
        assertThat(database.count("select count(*) from trade t join position_transfer p "
                + "on p.transfer_id = t.transfer_id where p.from_account_id in (?, ?)", defaulted, activeHouse))
                .isZero();

        // The same refused instruction again gets no second answer.
        Instruction again = refused.get("NOT_HELD");
        EventEnvelope resent = Transfers.publish(again);
        Transfers.awaitConsumed(database, resent);
        assertThat(Transfers.recorded(database, "PositionTransferRefused", again.transferId())).isEqualTo(1);
    }

    @Test
    void anInstructionThatMakesNoSenseIsParkedAndSoIsWhatFollowsForItsAccount() {
        String instrument = Api.listed("GH100").get(1);
        Instruction noLegs = Instruction.of("AUCTION", "PRM", Api.unique("PRM-H"), "PRN", "PRN-H",
                LocalDate.of(2024, 3, 25));
        Instruction elevenDecimals = Instruction.of("AUCTION", "PRM", Api.unique("PRM-H"), "PRN", "PRN-H",
                LocalDate.of(2024, 3, 25), leg(instrument, 2, "6.12345678901"));
        Instruction zero = Instruction.of("HEDGE", "PRM", Api.unique("PRM-H"), "PRN", "PRN-H",
                LocalDate.of(2024, 3, 25), leg(instrument, 0, "6"));
        Instruction notAList = Instruction.of("HEDGE", "PRM", Api.unique("PRM-H"), "PRN", "PRN-H",
                LocalDate.of(2024, 3, 25), leg(instrument, 1, "6"));
        Transfers.publish(noLegs);
        Transfers.publish(elevenDecimals);
        Transfers.publish(zero);
        String record = EventCodec.encode(notAList.envelope());
        Transfers.publishRaw(notAList.fromAccount(),
                record.replaceFirst("\"legs\":\\[[^\\]]*\\]", "\"legs\":\"all\""));

        assertThat(parkedReason(noLegs)).isEqualTo("IllegalArgumentException: transfer " + noLegs.transferId()
                + " must have 1 to 1000 legs");
        assertThat(parkedReason(elevenDecimals)).isEqualTo("IllegalArgumentException: transfer "
                + elevenDecimals.transferId() + " leg 1: price 6.12345678901 has more than 10 decimals");
        assertThat(parkedReason(zero)).isEqualTo("IllegalArgumentException: transfer " + zero.transferId()
                + " leg 1: quantity must be a non-zero number of contracts up to 1000000000 either way, not 0");
        assertThat(parkedReason(notAList)).startsWith("IllegalArgumentException: payload of "
                + "PositionTransferInstructed").contains("does not match its contract");

        // A sound instruction for the same account waits behind the parked one, in order.
        Instruction behind = new Instruction(Api.unique("T-"), "PORTING", "PRM", noLegs.fromAccount(), "PRN",
                "PRN-H", LocalDate.of(2024, 3, 25), List.of(leg(instrument, 1, "6")));
        Transfers.publish(behind);
        assertThat(parkedReason(behind)).startsWith("behind parked event ");

        // A transfer id decided before, instructed again with other legs, is not the same transfer: parked too.
        Instruction first = Instruction.of("PORTING", "PRM", Api.unique("PRM-H"), "PRN", "PRN-H",
                LocalDate.of(2024, 3, 25), leg(instrument, 1, "6"));
        Transfers.publish(first);
        Transfers.awaitDecision(database, first.transferId());
        Instruction other = new Instruction(first.transferId(), first.purpose(), first.fromMember(),
                first.fromAccount(), first.toMember(), first.toAccount(), first.priceDate(),
                List.of(leg(instrument, 2, "6")));
        Transfers.publish(other);
        assertThat(parkedReason(other)).startsWith("IllegalStateException: transfer id " + first.transferId()
                + " was decided (REFUSED, event ");
        assertThat(database.count("select count(*) from position_transfer where transfer_id in (?, ?, ?, ?, ?)",
                noLegs.transferId(), elevenDecimals.transferId(), zero.transferId(), notAList.transferId(),
                behind.transferId())).isZero();
    }

    private static String detail(Map<String, PositionTransferRefused> answers, Instruction instruction) {
        return answers.get(instruction.transferId()).detail();
    }

    /** The reason the transfers consumer parked the instruction's event, once it has. */
    private String parkedReason(Instruction instruction) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count("select count(*) from parked_event "
                        + "where consumer = ? and aggregate_id = ? and payload like ? and status = 'PARKED'",
                Transfers.CONSUMER, instruction.fromAccount(), "%" + instruction.transferId() + "%") == 1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select reason from parked_event "
                     + "where consumer = ? and aggregate_id = ? and payload like ?")) {
            query.setString(1, Transfers.CONSUMER);
            query.setString(2, instruction.fromAccount());
            query.setString(3, "%" + instruction.transferId() + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
