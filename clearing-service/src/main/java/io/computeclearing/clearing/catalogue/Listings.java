package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.config.ClearingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists each family's contract months by its cycle and moves instruments through ACTIVE, EXPIRING and EXPIRED.
 * Idempotent: rolling twice on the same day changes nothing, and replicas rolling at once list each month once.
 * Every listing and every status change is published in the same transaction ({@link InstrumentEvents}); a roll also
 * announces instruments listed before instruments were published. SETTLED instruments are left alone.
 */
@ApplicationScoped
@Transactional
public class Listings {

    /** What a roll did: the instruments it listed and how many changed status. */
    public record RollResult(LocalDate asOf, List<String> listed, int statusChanges) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final InstrumentEvents events;

    public Listings(EntityManager em, Clock clock, ClearingConfig config, InstrumentEvents events) {
        this.em = em;
        this.clock = clock.withZone(config.zone());
        this.events = events;
    }

    /** Rolls every family as of {@code asOf}. */
    public RollResult rollAll(LocalDate asOf) {
        List<ContractFamily> families = ContractFamily.listAll();
        return roll(families, asOf);
    }

    public RollResult roll(List<ContractFamily> families, LocalDate asOf) {
        List<String> listed = new ArrayList<>();
        for (ContractFamily family : families) {
            ListingCycle cycle = ListingCycle.of(family);
            for (YearMonth month : cycle.listedOn(asOf)) {
                if (list(family, month, cycle.lastTradingDay(month), asOf)) {
                    listed.add(Instrument.idOf(family.symbol, month));
                }
            }
        }
        if (families.isEmpty()) {
            return new RollResult(asOf, List.of(), 0);
        }
        // Locked in id order (as every writer of statuses does), so a final settlement or another roll committing
        // meanwhile is seen, not overwritten.
        List<Instrument> instruments = em.createQuery(
                        "from Instrument i where i.family in :families order by i.id", Instrument.class)
                .setParameter("families", families)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        // Announced before any status change, so a consumer learns of an instrument before its changes.
        events.announceUnannounced();
        int statusChanges = 0;
        for (Instrument instrument : instruments) {
            if (!instrument.settled() && events.changeStatus(instrument, instrument.statusOn(asOf),
                    "listing roll as of " + asOf + ": last trading day " + instrument.lastTradingDay)) {
                statusChanges++;
            }
        }
        return new RollResult(asOf, List.copyOf(listed), statusChanges);
    }

    /**
     * The family's calendar changed: instruments not yet expired get their last trading day again from the rule,
     * and their status as of today.
     */
    public void recomputeLastTradingDays(ContractFamily family) {
        ListingCycle cycle = ListingCycle.of(family);
        LocalDate today = LocalDate.now(clock);
        List<Instrument> instruments = em.createQuery(
                        "from Instrument i where i.family = :family and i.status not in :done order by i.id",
                        Instrument.class)
                .setParameter("family", family)
                .setParameter("done", List.of(Instrument.Status.EXPIRED, Instrument.Status.SETTLED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Instrument instrument : instruments) {
            instrument.lastTradingDay = cycle.lastTradingDay(instrument.month());
            events.changeStatus(instrument, instrument.statusOn(today), "holiday calendar of " + family.symbol
                    + " changed: last trading day now " + instrument.lastTradingDay);
        }
    }

    /** Lists one month unless it is listed already (by this or another replica); true if it was new. */
    private boolean list(ContractFamily family, YearMonth month, LocalDate lastTradingDay, LocalDate asOf) {
        return em.createNativeQuery("""
                        insert into instrument (id, family_symbol, contract_month, last_trading_day, status, listed_at)
                        values (:id, :family, :month, :ltd, :status, :listedAt)
                        on conflict do nothing""")
                .setParameter("id", Instrument.idOf(family.symbol, month))
                .setParameter("family", family.symbol)
                .setParameter("month", month.atDay(1))
                .setParameter("ltd", lastTradingDay)
                .setParameter("status", Instrument.statusOn(lastTradingDay, asOf).name())
                .setParameter("listedAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate() == 1;
    }
}
