package io.computeclearing.clearing.settlement;

import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.clearing.catalogue.InstrumentEvents;
import io.computeclearing.clearing.position.ClosedPosition;
import io.computeclearing.clearing.position.PositionKeeping;
import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Closes an instrument once settlement-service has finally settled it: every open position goes flat (one version
 * on, published as PositionChanged, so margin drops it), the closing is recorded with the final settlement price and
 * the positions it closed, and the instrument becomes SETTLED (published), after which it takes no trades, busts or
 * give-ups. A second completion for the same instrument changes nothing.
 */
@ApplicationScoped
@Transactional
public class FinalSettlements {

    private static final Logger LOG = Logger.getLogger(FinalSettlements.class);

    private final EntityManager em;
    private final PositionKeeping positions;
    private final InstrumentEvents instrumentEvents;
    private final Clock clock;

    public FinalSettlements(EntityManager em, PositionKeeping positions, InstrumentEvents instrumentEvents,
                            Clock clock) {
        this.em = em;
        this.positions = positions;
        this.instrumentEvents = instrumentEvents;
        this.clock = clock;
    }

    /**
     * Applies a completed final settlement; empty if the instrument was closed already. An unknown instrument fails
     * (the consumer parks the event, and the instrument's later ones, rather than drop a financial event).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FinalSettlement> close(FinalSettlementCompleted completed, UUID eventId) {
        Instrument instrument = em.find(Instrument.class, completed.instrumentId(), LockModeType.PESSIMISTIC_WRITE);
        if (instrument == null) {
            // Settlement knows instruments only from InstrumentListed: this is a broken contract, not a skip.
            throw new IllegalStateException("final settlement " + eventId + " names instrument "
                    + completed.instrumentId() + ", which clearing never listed");
        }
        if (em.find(FinalSettlement.class, instrument.id) != null) {
            LOG.infof("final settlement of %s ignored: it was closed already (event %s)", instrument.id, eventId);
            return Optional.empty();
        }
        List<ClosedPosition> closed = positions.closeAll(instrument.id, completed.businessDate());
        FinalSettlement settlement = new FinalSettlement();
        settlement.instrumentId = instrument.id;
        settlement.businessDate = completed.businessDate();
        settlement.finalSettlementPrice = completed.finalSettlementPrice();
        settlement.currency = completed.currency();
        settlement.positionsSettled = completed.positionsSettled();
        settlement.positionsClosed = closed.size();
        settlement.settledAt = completed.settledAt();
        settlement.closedAt = clock.instant();
        settlement.eventId = eventId;
        settlement.persist();
        for (ClosedPosition position : closed) {
            FinalSettlementPosition record = new FinalSettlementPosition();
            record.instrumentId = instrument.id;
            record.accountId = position.accountId();
            record.memberId = position.memberId();
            record.longQuantity = position.longQuantity();
            record.shortQuantity = position.shortQuantity();
            record.netQuantity = position.netQuantity();
            record.closingVersion = position.closing().version();
            record.persist();
        }
        if (closed.size() != completed.positionsSettled()) {
            LOG.warnf("final settlement of %s: settlement-service settled %d positions, clearing closed %d",
                    instrument.id, completed.positionsSettled(), closed.size());
        }
        instrumentEvents.changeStatus(instrument, Instrument.Status.SETTLED, "final settlement on "
                + completed.businessDate() + " at " + completed.finalSettlementPrice().toPlainString() + " "
                + completed.currency() + ": " + closed.size() + " positions closed");
        return Optional.of(settlement);
    }

    /** The instrument's final settlement: 404 if the instrument is unknown or not finally settled yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FinalSettlement of(String instrumentId) {
        FinalSettlement settlement = em.find(FinalSettlement.class, instrumentId);
        if (settlement == null) {
            throw ProblemException.notFound("final settlement of instrument", instrumentId);
        }
        return settlement;
    }

    /** The positions it closed, by account; only those of {@code memberId} when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FinalSettlementPosition> closedPositions(String instrumentId, Optional<String> memberId) {
        return memberId
                .map(member -> FinalSettlementPosition.<FinalSettlementPosition>list(
                        "instrumentId = ?1 and memberId = ?2 order by accountId", instrumentId, member))
                .orElseGet(() -> FinalSettlementPosition.list("instrumentId = ?1 order by accountId", instrumentId));
    }
}
