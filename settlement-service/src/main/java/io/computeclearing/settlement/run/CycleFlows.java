package io.computeclearing.settlement.run;

import io.computeclearing.settlement.book.Book;
import io.computeclearing.settlement.book.BookedLeg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
     * of its flows), and {@code settledLegs} the day's legs per instrument this cycle settles (for the next cycle).
     */
    public record Flows(List<PositionCashFlow> flows, Map<String, BigDecimal> cyclePrices,
                        Map<String, List<Long>> settledLegs) {
    }

    private final Book book;
    private final EntityManager em;

    public CycleFlows(Book book, EntityManager em) {
        this.book = book;
        this.em = em;
    }

    /**
     * The flows of the date's next cycle over the instruments in scope. With {@code wholeTradesOnly} (an intraday
     * cycle, while trades still arrive) a trade counts only once all its leg events are in, that is when its live legs
     * net to zero: until then its legs stay as the previous cycle saw them (those it settled are still held, the others
     * wait for the next cycle), so a cycle never sees half a trade, half a bust or half a give-up. The end-of-day run
     * needs no such rule: it waits until every trade event of the closed day has arrived.
     */
    public Flows of(LocalDate businessDate, Predicate<String> inScope, boolean wholeTradesOnly) {
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
                        select leg_id from intraday_cycle_leg
                        where cycle_id = :cycle and instrument_id = :instrument""", Long.class)
                .setParameter("cycle", cycleId).setParameter("instrument", instrumentId).getResultList()));

        Map<String, PositionCashFlow> flows = new TreeMap<>();
        for (Book.StartOfDay position : book.startOfDay(businessDate)) {
            if (inScope.test(position.instrumentId())) {
                flow(flows, position.accountId(), position.memberId(), position.instrumentId())
                        .addPrior(position.netQuantity());
            }
        }
        List<BookedLeg> live = book.liveLegsOn(businessDate).stream().filter(l -> inScope.test(l.instrumentId))
                .toList();
        Map<Long, Long> tradeNet = new HashMap<>();
        live.forEach(leg -> tradeNet.merge(leg.tradeId, leg.signedQuantity, Long::sum));
        Predicate<BookedLeg> inFlight = leg -> wholeTradesOnly && tradeNet.getOrDefault(leg.tradeId, 0L) != 0;
        Map<String, List<Long>> settledNow = new TreeMap<>();
        Set<Long> liveIds = new HashSet<>();
        for (BookedLeg leg : live) {
            liveIds.add(leg.legId);
            boolean settledBefore = settledByCycle.contains(leg.legId);
            if (inFlight.test(leg) && !settledBefore) {
                continue;
            }
            settledNow.computeIfAbsent(leg.instrumentId, k -> new ArrayList<>()).add(leg.legId);
            PositionCashFlow flow = flow(flows, leg.accountId, leg.memberId, leg.instrumentId);
            if (settledBefore) {
                flow.addPrior(leg.signedQuantity);
            } else {
                flow.addTrade(leg.signedQuantity, leg.price);
            }
        }
        settledByCycle.removeAll(liveIds);
        if (!settledByCycle.isEmpty()) {
            for (BookedLeg removed : em.createQuery("from BookedLeg where legId in :ids order by legId",
                    BookedLeg.class).setParameter("ids", settledByCycle).getResultList()) {
                PositionCashFlow flow = flow(flows, removed.accountId, removed.memberId, removed.instrumentId);
                if (wholeTradesOnly && tradeNet.getOrDefault(removed.tradeId, 0L) != 0) {
                    // its trade's other leg events are still in flight: held as the previous cycle saw it
                    settledNow.computeIfAbsent(removed.instrumentId, k -> new ArrayList<>()).add(removed.legId);
                    flow.addPrior(removed.signedQuantity);
                } else {
                    flow.addReversal(removed.signedQuantity, removed.price);
                }
            }
        }
        return new Flows(flows.values().stream().filter(f -> !f.isEmpty()).toList(), cyclePrices, settledNow);
    }

    private static PositionCashFlow flow(Map<String, PositionCashFlow> flows, String accountId, String memberId,
                                         String instrumentId) {
        return flows.computeIfAbsent(accountId + "\u0000" + instrumentId,
                k -> new PositionCashFlow(accountId, memberId, instrumentId));
    }
}
