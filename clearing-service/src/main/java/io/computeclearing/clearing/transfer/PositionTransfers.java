package io.computeclearing.clearing.transfer;

import io.computeclearing.clearing.catalogue.ContractFamily;
import io.computeclearing.clearing.trade.Trade;
import io.computeclearing.clearing.trade.TradeCapture;
import io.computeclearing.clearing.trade.TradeLeg;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionTransferRefused;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.platform.events.clearing.ClearingEvents.TransferredLeg;
import io.computeclearing.platform.events.risk.RiskEvents.PositionTransferInstructed;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Books default management's position transfers, in the transaction that records the instruction in the inbox. A
 * transfer that passes its {@link TransferChecks checks} becomes one transfer trade per leg on the first open business
 * day after its price date (positions move, a PositionChanged per position, a TradeCleared per leg in the direction
 * each account traded, so variation margin from that date on is each account's), then PositionsTransferred once for
 * each account. One that does not is refused: PositionTransferRefused, nothing moves. Either way the decision is kept
 * under the transfer id, so the same instruction again changes nothing and publishes nothing. An instruction that is
 * not even a {@link TransferInstruction}, or that reuses a transfer id for another instruction, throws: the consumer
 * parks it for an operator.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PositionTransfers {

    private static final Logger LOG = Logger.getLogger(PositionTransfers.class);

    private final EntityManager em;
    private final TransferChecks checks;
    private final TradeCapture capture;
    private final Outbox outbox;
    private final Clock clock;

    public PositionTransfers(EntityManager em, TransferChecks checks, TradeCapture capture, Outbox outbox,
                             Clock clock) {
        this.em = em;
        this.checks = checks;
        this.capture = capture;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Books or refuses the instruction of event {@code eventId}; returns the decision (an earlier one if repeated). */
    public PositionTransfer apply(PositionTransferInstructed instructed, UUID eventId) {
        TransferInstruction instruction = TransferInstruction.of(instructed);
        PositionTransfer earlier = em.find(PositionTransfer.class, instruction.transferId());
        if (earlier != null) {
            if (!earlier.sameInstructionAs(instruction)) {
                throw new IllegalStateException("transfer id " + instruction.transferId() + " was decided ("
                        + earlier.status + ", event " + earlier.eventId + ") for a different instruction");
            }
            LOG.infof("transfer %s again (event %s): %s already, nothing changes", instruction.transferId(), eventId,
                    earlier.status);
            return earlier;
        }
        PositionTransfer transfer = PositionTransfer.of(instruction, eventId);
        try {
            book(transfer, instruction, checks.check(instruction));
        } catch (TransferRefused refused) {
            refuse(transfer, refused);
        }
        return transfer;
    }

    private void book(PositionTransfer transfer, TransferInstruction instruction, TransferChecks.Bookable bookable) {
        Instant now = clock.instant();
        transfer.status = PositionTransfer.Status.BOOKED;
        transfer.businessDate = bookable.businessDate();
        transfer.decidedAt = now;
        em.persist(transfer);
        em.flush(); // the trades refer to it
        List<Trade> trades = new ArrayList<>(instruction.legs().size());
        for (int number = 1; number <= instruction.legs().size(); number++) {
            trades.add(TransferTrades.of(instruction, number, bookable.from(), bookable.to(),
                    bookable.businessDate(), now));
        }
        // capture writes them in exchange trade id order (DM:<id>/10 before DM:<id>/2); the event keeps leg order
        capture.clear(new ArrayList<>(trades), Map.of(bookable.from().id, bookable.from(), bookable.to().id,
                bookable.to()));
        List<TransferredLeg> legs = transferredLegs(instruction, bookable, trades);
        for (var account : List.of(bookable.from(), bookable.to())) {
            outbox.record(ClearingEvents.POSITIONS_TRANSFERRED, account.id, new PositionsTransferred(
                    transfer.transferId, transfer.defaultId, transfer.purpose.name(), bookable.from().id,
                    bookable.from().memberId, bookable.to().id, bookable.to().memberId, transfer.businessDate, legs,
                    account.id, now));
        }
        LOG.infof("transfer %s (%s, default %d) booked on %s: %d leg(s) from %s to %s", transfer.transferId,
                transfer.purpose, transfer.defaultId, transfer.businessDate, legs.size(), transfer.fromAccountId,
                transfer.toAccountId);
    }

    private void refuse(PositionTransfer transfer, TransferRefused refused) {
        Instant now = clock.instant();
        transfer.status = PositionTransfer.Status.REFUSED;
        transfer.refusalReason = refused.reason();
        transfer.refusalDetail = refused.detail();
        transfer.decidedAt = now;
        em.persist(transfer);
        outbox.record(ClearingEvents.POSITION_TRANSFER_REFUSED, transfer.fromAccountId, new PositionTransferRefused(
                transfer.transferId, transfer.defaultId, transfer.purpose.name(), transfer.fromAccountId,
                transfer.toAccountId, refused.reason().name(), refused.detail(), now));
        LOG.warnf("transfer %s (%s, default %d) from %s to %s refused: %s, %s", transfer.transferId,
                transfer.purpose, transfer.defaultId, transfer.fromAccountId, transfer.toAccountId, refused.reason(),
                refused.detail());
    }

    /** Each leg as booked, in the instruction's order: its trade, the two legs, the quantity as instructed. */
    private static List<TransferredLeg> transferredLegs(TransferInstruction instruction,
                                                        TransferChecks.Bookable bookable, List<Trade> trades) {
        List<TransferredLeg> legs = new ArrayList<>(trades.size());
        for (int i = 0; i < trades.size(); i++) {
            Trade trade = trades.get(i);
            ContractFamily family = bookable.instruments().get(trade.instrumentId).family;
            legs.add(new TransferredLeg(trade.id, legOf(trade, bookable.from().id).id,
                    legOf(trade, bookable.to().id).id, trade.instrumentId, instruction.legs().get(i).quantity(),
                    trade.price, family.currency, family.contractUnit.stripTrailingZeros()));
        }
        return legs;
    }

    private static TradeLeg legOf(Trade trade, String accountId) {
        return trade.legs.stream().filter(leg -> leg.accountId.equals(accountId)).findFirst().orElseThrow();
    }
}
