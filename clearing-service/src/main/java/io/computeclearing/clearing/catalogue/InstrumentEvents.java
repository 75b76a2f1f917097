package io.computeclearing.clearing.catalogue;

import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentListed;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentStatusChanged;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Tells settlement and margin what is listed: an InstrumentListed per instrument and an InstrumentStatusChanged per
 * status change, keyed by instrument id, recorded in the caller's transaction (so an instrument is announced exactly
 * when its listing commits, and a status change exactly when it does).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InstrumentEvents {

    /** Hibernate's lock timeout meaning "skip rows another transaction holds". */
    private static final int SKIP_LOCKED = -2;

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public InstrumentEvents(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Announces every instrument not announced yet: those just listed in this transaction, and those listed before
     * instruments were announced at all. Rows another replica is announcing are skipped, so each is announced once.
     * Returns the ids announced.
     */
    public List<String> announceUnannounced() {
        em.flush();
        List<Instrument> unannounced = em.createQuery(
                        "from Instrument i where i.announcedAt is null order by i.id", Instrument.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList();
        Instant now = clock.instant();
        for (Instrument instrument : unannounced) {
            ContractFamily family = instrument.family;
            outbox.record(ClearingEvents.INSTRUMENT_LISTED, instrument.id, new InstrumentListed(instrument.id,
                    family.symbol, instrument.month().toString(), instrument.lastTradingDay, family.currency,
                    family.tickSize.stripTrailingZeros(), family.contractUnit.stripTrailingZeros(),
                    family.underlyingIndexId, family.finalSettlementRule.name(), instrument.status.name(),
                    instrument.listedAt));
            instrument.announcedAt = now;
        }
        return unannounced.stream().map(i -> i.id).toList();
    }

    /** Moves the instrument to {@code status} and publishes the change; nothing happens if it is there already. */
    public boolean changeStatus(Instrument instrument, Instrument.Status status, String reason) {
        if (instrument.status == status) {
            return false;
        }
        instrument.status = status;
        outbox.record(ClearingEvents.INSTRUMENT_STATUS_CHANGED, instrument.id,
                new InstrumentStatusChanged(instrument.id, status.name(), reason, clock.instant()));
        return true;
    }
}
