package io.computeclearing.settlement.run;

import io.computeclearing.settlement.book.Book;
import io.computeclearing.settlement.book.BookedLeg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The cash flows of the next settlement cycle of a business date (an intraday cycle or the end-of-day run), one per
 * account and instrument, continuing from the instrument's last intraday cycle of the date if it had one: the legs
 * that cycle settled are part of the position at the start of this one and are revalued from its price; the legs
 * booked since are new trades at their prices; a leg that cycle settled and that has since been busted or given up is
 * reversed at its price. Without an earlier cycle this is the day's variation margin as it always was: the start-of-day
 * position from yesterday's price and every leg of the day from its trade price.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CycleFlows {

    /**
     * The flows; {@code cyclePrices} the price of each instrument's last intraday cycle of the date (the previous price
     * of its flows), and {@code liveLegs} the day's live legs in scope per instrument (what this cycle settles).
     */
    public record Flows(List<PositionCashFlow> flows, Map<String, BigDecimal> cyclePrices,
                        Map<String, List<Long>> liveLegs) {
    }

    private final Book book;
    private final EntityManager em;

    public CycleFlows(Book book, EntityManager em) {
        this.book = book;
        this.em = em;
    }

    public Flows of(LocalDate businessDate, Predicate<String> inScope) {
        Map<String, BigDecimal> cyclePrices = new TreeMap<>();
        Map<String, String> lastCycle = new TreeMap<>();
        for (Object row : em.createNativeQuery("""
                        select distinct on (p.instrument_id) p.instrument_id, p.cycle_id, p.price
                        from intraday_cycle_price p join intraday_cycle c on c.cycle_id = p.cycle_id
                        where c.business_date = :date order by p.instrument_id, c.sequence desc""")
                .setParameter("date", businessDate).getResultList()) {
            Object[] r = (Object[]) row;
            if (inScope.test((String) r[0])) {
                lastCycle.put((String) r[0], (String) r[1]);
                cyclePrices.put((String) r[0], (BigDecimal) r[2]);
            }
        }
        Set<Long> settledByCycle = new HashSet<>();
        lastCycle.forEach((instrumentId, cycleId) -> settledByCycle.addAll(em.createNativeQuery("""
                        select leg_id from intraday_cycle_leg where cycle_id = :cycle and instrument_id = :instrument""",
                        Long.class)
                .setParameter("cycle", cycleId).setParameter("instrument", instrumentId).getResultList()));

        Map<String, PositionCashFlow> flows = new TreeMap<>();
        for (Book.StartOfDay position : book.startOfDay(businessDate)) {
            if (inScope.test(position.instrumentId())) {
                flow(flows, position.accountId(), position.memberId(), position.instrumentId())
                        .addPrior(position.netQuantity());
            }
        }
        Map<String, List<Long>> liveLegs = new TreeMap<>();
        Set<Long> live = new HashSet<>();
        for (BookedLeg leg : book.liveLegsOn(businessDate)) {
            if (!inScope.test(leg.instrumentId)) {
                continue;
            }
            live.add(leg.legId);
            liveLegs.computeIfAbsent(leg.instrumentId, k -> new ArrayList<>()).add(leg.legId);
            PositionCashFlow flow = flow(flows, leg.accountId, leg.memberId, leg.instrumentId);
            if (settledByCycle.contains(leg.legId)) {
                flow.addPrior(leg.signedQuantity);
            } else {
                flow.addTrade(leg.signedQuantity, leg.price);
            }
        }
        settledByCycle.removeAll(live);
        if (!settledByCycle.isEmpty()) {
            for (BookedLeg removed : em.createQuery("from BookedLeg where legId in :ids order by legId",
                    BookedLeg.class).setParameter("ids", settledByCycle).getResultList()) {
                flow(flows, removed.accountId, removed.memberId, removed.instrumentId)
                        .addReversal(removed.signedQuantity, removed.price);
            }
        }
        return new Flows(flows.values().stream().filter(f -> !f.isEmpty()).toList(), cyclePrices, liveLegs);
    }

    private static PositionCashFlow flow(Map<String, PositionCashFlow> flows, String accountId, String memberId,
                                         String instrumentId) {
        return flows.computeIfAbsent(accountId + "\u0000" + instrumentId,
                k -> new PositionCashFlow(accountId, memberId, instrumentId));
    }
}
