package io.computeclearing.clearing.transfer;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A default-management transfer instruction as clearing decided it, once per transfer id: BOOKED (one transfer trade
 * per leg on {@link #businessDate}) or REFUSED (nothing moved, {@link #refusalReason} says why). The instruction is
 * kept as it came, so the same transfer id arriving again is recognised as the same instruction.
 */
@Entity
@Table(name = "position_transfer")
public class PositionTransfer extends PanacheEntityBase {

    public enum Status { BOOKED, REFUSED }

    @Id
    @Column(name = "transfer_id")
    public String transferId;

    @Column(name = "default_id", nullable = false)
    public long defaultId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransferPurpose purpose;

    @Column(name = "from_account_id", nullable = false)
    public String fromAccountId;

    @Column(name = "from_member_id", nullable = false)
    public String fromMemberId;

    @Column(name = "to_account_id", nullable = false)
    public String toAccountId;

    @Column(name = "to_member_id", nullable = false)
    public String toMemberId;

    /** The date of the settlement prices the legs' prices were agreed against. */
    @Column(name = "price_date", nullable = false)
    public LocalDate priceDate;

    /** The legs as instructed: a JSON array of {@code {instrumentId, quantity, price}}. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String legs;

    @Column(name = "instructed_by", nullable = false)
    public String instructedBy;

    @Column(name = "instructed_at", nullable = false)
    public Instant instructedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** For a booked transfer: the first open business day after the price date, the date of its trades. */
    @Column(name = "business_date")
    public LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_reason")
    public TransferRefused.Reason refusalReason;

    @Column(name = "refusal_detail")
    public String refusalDetail;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The PositionTransferInstructed event it was decided on. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** The instruction, not yet decided. */
    static PositionTransfer of(TransferInstruction instruction, UUID eventId) {
        PositionTransfer transfer = new PositionTransfer();
        transfer.transferId = instruction.transferId();
        transfer.defaultId = instruction.defaultId();
        transfer.purpose = instruction.purpose();
        transfer.fromAccountId = instruction.fromAccountId();
        transfer.fromMemberId = instruction.fromMemberId();
        transfer.toAccountId = instruction.toAccountId();
        transfer.toMemberId = instruction.toMemberId();
        transfer.priceDate = instruction.priceDate();
        transfer.legs = EventCodec.toTree(instruction.legs()).toString();
        transfer.instructedBy = instruction.instructedBy();
        transfer.instructedAt = instruction.instructedAt();
        transfer.eventId = eventId;
        return transfer;
    }

    /**
     * Whether {@code instruction} is this one again: same default, purpose, accounts, price date and legs (prices
     * compared by value). Who instructed it and when may differ: a resent instruction is the same transfer.
     */
    boolean sameInstructionAs(TransferInstruction instruction) {
        return defaultId == instruction.defaultId() && purpose == instruction.purpose()
                && fromAccountId.equals(instruction.fromAccountId()) && fromMemberId.equals(instruction.fromMemberId())
                && toAccountId.equals(instruction.toAccountId()) && toMemberId.equals(instruction.toMemberId())
                && priceDate.equals(instruction.priceDate()) && sameLegs(instruction.legs());
    }

    private boolean sameLegs(List<TransferLeg> others) {
        var stored = EventCodec.parseTree(legs);
        if (stored.size() != others.size()) {
            return false;
        }
        for (int i = 0; i < others.size(); i++) {
            var leg = stored.get(i);
            TransferLeg other = others.get(i);
            if (!leg.path("instrumentId").asText().equals(other.instrumentId())
                    || leg.path("quantity").asLong() != other.quantity()
                    || leg.path("price").decimalValue().compareTo(other.price()) != 0) {
                return false;
            }
        }
        return true;
    }
}
