package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.clearing.ClearingEvents.PositionTransferRefused;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.PositionTransferInstructed;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.computeclearing.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Moves a defaulter's positions by instruction: the transfer and its legs are recorded and
 * {@code PositionTransferInstructed} is published in one transaction (the outbox), so an instruction is never lost
 * and never sent twice; clearing-service books it (idempotent per transfer id) and answers. The answer settles the
 * transfer and is passed on ({@link Answered}) to the offer or auction it belongs to.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DefaultTransfers {

    /** Clearing-service answered a transfer: it is now BOOKED or REFUSED. */
    public record Answered(DefaultTransfer transfer) {
    }

    private final Outbox outbox;
    private final Event<Answered> answered;
    private final Clock clock;

    public DefaultTransfers(Outbox outbox, Event<Answered> answered, Clock clock) {
        this.outbox = outbox;
        this.answered = answered;
        this.clock = clock;
    }

    /** Records the transfer and instructs clearing-service; {@code legs} price each leg against its settlement. */
    public DefaultTransfer instruct(String transferId, long defaultId, TransferPurpose purpose, String fromAccountId,
                                    String fromMemberId, String toAccountId, String toMemberId, LocalDate priceDate,
                                    List<DefaultTransfer.Leg> legs, String by) {
        DefaultTransfer transfer = new DefaultTransfer();
        transfer.transferId = transferId;
        transfer.defaultId = defaultId;
        transfer.purpose = purpose;
        transfer.fromAccountId = fromAccountId;
        transfer.fromMemberId = fromMemberId;
        transfer.toAccountId = toAccountId;
        transfer.toMemberId = toMemberId;
        transfer.priceDate = priceDate;
        transfer.status = DefaultTransfer.Status.INSTRUCTED;
        transfer.instructedBy = by;
        transfer.instructedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transfer.legs.addAll(legs);
        transfer.persist();
        outbox.record(RiskEvents.POSITION_TRANSFER_INSTRUCTED, fromAccountId, new PositionTransferInstructed(
                transferId, defaultId, purpose.name(), fromAccountId, fromMemberId, toAccountId, toMemberId,
                priceDate, legs.stream().map(l -> new TransferLeg(l.instrumentId, l.quantity, l.price)).toList(),
                by, transfer.instructedAt));
        return transfer;
    }

    /** Clearing-service booked the transfer. An unknown transfer, or one answered otherwise before, is a breach. */
    public void booked(PositionsTransferred booked) {
        DefaultTransfer transfer = answerable(booked.transferId(), DefaultTransfer.Status.BOOKED);
        if (transfer.status == DefaultTransfer.Status.INSTRUCTED) {
            transfer.status = DefaultTransfer.Status.BOOKED;
            transfer.businessDate = booked.businessDate();
            transfer.answeredAt = booked.transferredAt();
            answered.fire(new Answered(transfer));
        }
    }

    /** Clearing-service refused the transfer: nothing moved. */
    public void refused(PositionTransferRefused refused) {
        DefaultTransfer transfer = answerable(refused.transferId(), DefaultTransfer.Status.REFUSED);
        if (transfer.status == DefaultTransfer.Status.INSTRUCTED) {
            transfer.status = DefaultTransfer.Status.REFUSED;
            transfer.refusalReason = refused.reason();
            transfer.refusalDetail = refused.detail() == null ? "" : refused.detail();
            transfer.answeredAt = refused.refusedAt() == null ? Instant.now(clock) : refused.refusedAt();
            answered.fire(new Answered(transfer));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DefaultTransfer> ofDefault(long defaultId) {
        return DefaultTransfer.list("defaultId", Sort.ascending("instructedAt", "transferId"), defaultId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DefaultTransfer> ofAuction(long auctionId) {
        return DefaultTransfer.list("auctionId", Sort.ascending("transferId"), auctionId);
    }

    private static DefaultTransfer answerable(String transferId, DefaultTransfer.Status answer) {
        DefaultTransfer transfer = transferId == null ? null : DefaultTransfer.findById(transferId);
        if (transfer == null) {
            throw new IllegalArgumentException("clearing-service answered transfer '" + transferId
                    + "', which risk-service never instructed");
        }
        if (transfer.status != DefaultTransfer.Status.INSTRUCTED && transfer.status != answer) {
            throw new IllegalStateException("transfer " + transferId + " was " + transfer.status
                    + " already, now answered " + answer);
        }
        return transfer;
    }
}
