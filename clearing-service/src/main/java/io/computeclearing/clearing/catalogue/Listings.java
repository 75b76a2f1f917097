package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.config.ClearingClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists each family's contract months by its cycle and moves instruments through ACTIVE, EXPIRING and EXPIRED.
 * Idempotent: rolling twice on the same day changes nothing, and replicas rolling at once list each month once.
 */
@ApplicationScoped
@Transactional
public class Listings {

    /** What a roll did: the instruments it listed and how many changed status. */
    public record RollResult(LocalDate asOf, List<String> listed, int statusChanges) {
    }

    private final EntityManager em;
    private final ClearingClock clock;

    public Listings(EntityManager em, ClearingClock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Rolls every family as of {@code asOf}. */
    public RollResult rollAll(LocalDate asOf) {
        List<ContractFamily> families = ContractFamily.listAll();
        return roll(families, asOf);
    }

    public RollResult roll(List<ContractFamily> families, LocalDate asOf) {
        List<String> listed = new ArrayList<>();
        int statusChanges = 0;
        for (ContractFamily family : families) {
            ListingCycle cycle = ListingCycle.of(family);
            for (YearMonth month : cycle.listedOn(asOf)) {
                if (list(family, month, cycle.lastTradingDay(month), asOf)) {
                    listed.add(Instrument.idOf(family.symbol, month));
                }
            }
            List<Instrument> instruments = Instrument.list("family", family);
            for (Instrument instrument : instruments) {
                Instrument.Status status = instrument.statusOn(asOf);
                if (status != instrument.status) {
                    instrument.status = status;
                    statusChanges++;
                }
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
        LocalDate today = clock.today();
        List<Instrument> instruments = Instrument.list("family = ?1 and status <> ?2", family, Instrument.Status.EXPIRED);
        for (Instrument instrument : instruments) {
            instrument.lastTradingDay = cycle.lastTradingDay(instrument.month());
            instrument.status = instrument.statusOn(today);
        }
    }

    /** Lists one month unless it is listed already (by this or another replica); true if it was new. */
    private boolean list(ContractFamily family, YearMonth month, LocalDate lastTradingDay, LocalDate asOf) {
        return em.createNativeQuery("""
                        insert into instrument (id, family_symbol, contract_month, last_trading_day, status, listed_at)
                        values (:id, :family, :month, :ltd, :status, now())
                        on conflict do nothing""")
                .setParameter("id", Instrument.idOf(family.symbol, month))
                .setParameter("family", family.symbol)
                .setParameter("month", month.atDay(1))
                .setParameter("ltd", lastTradingDay)
                .setParameter("status", Instrument.statusOn(lastTradingDay, asOf).name())
                .executeUpdate() == 1;
    }
}
