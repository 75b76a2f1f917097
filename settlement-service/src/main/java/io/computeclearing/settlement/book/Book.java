package io.computeclearing.settlement.book;

import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads settlement's book of legs: which legs are live on a date, and whether every trade event of a closed date has
 * arrived.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Book {

    private static final String LIVE = "not exists (select 1 from settlement_leg_removal r where r.leg_id = l.leg_id)";

    private static final String NOT_SETTLED = "not exists (select 1 from final_settlement f"
            + " where f.instrument_id = l.instrument_id and f.business_date < :date)";

    private final EntityManager em;

    public Book(EntityManager em) {
        this.em = em;
    }

    /** An account's net position in an instrument at the start of a date: the sum of its live legs before it. */
    public record StartOfDay(String accountId, String memberId, String instrumentId, long netQuantity) {
    }

    /**
     * Start-of-day positions of every account and instrument: live legs (neither busted nor given up) of earlier
     * dates, summed in the database, except instruments finally settled before the date. Zero positions included.
     */
    @SuppressWarnings("unchecked")
    public List<StartOfDay> startOfDay(LocalDate businessDate) {
        List<Object[]> rows = em.createNativeQuery("select l.account_id, min(l.member_id), l.instrument_id,"
                        + " sum(l.signed_quantity) from settlement_leg l where l.business_date < :date and " + LIVE
                        + " and " + NOT_SETTLED + " group by l.account_id, l.instrument_id")
                .setParameter("date", businessDate)
                .getResultList();
        return rows.stream().map(r -> new StartOfDay((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
    }

    /** The live legs of the date itself, in leg order. */
    public List<BookedLeg> liveLegsOn(LocalDate businessDate) {
        return em.createNativeQuery("select l.* from settlement_leg l where l.business_date = :date and " + LIVE
                        + " and " + NOT_SETTLED + " order by l.leg_id", BookedLeg.class)
                .setParameter("date", businessDate)
                .getResultList();
    }

    /** Earlier dates with live legs that have not been settled by a run yet. */
    @SuppressWarnings("unchecked")
    public List<LocalDate> unsettledDatesBefore(LocalDate businessDate) {
        return em.createNativeQuery("select distinct l.business_date from settlement_leg l where l.business_date < :date"
                        + " and " + LIVE + " and not exists (select 1 from eod_run r where r.business_date = l.business_date)"
                        + " order by l.business_date", LocalDate.class)
                .setParameter("date", businessDate)
                .getResultList();
    }

    /**
     * Fails with 409 unless clearing-service closed the date and every trade event it counted for the date has been
     * booked: the run would otherwise settle an incomplete day.
     */
    public void requireComplete(LocalDate businessDate) {
        List<?> closed = em.createNativeQuery("""
                        select trade_legs_cleared, trade_legs_busted, give_ups_accepted from settlement_closed_day
                        where business_date = :date""")
                .setParameter("date", businessDate).getResultList();
        if (closed.isEmpty()) {
            throw ProblemException.conflict("business-day-open", "Business day not closed",
                    "business date " + businessDate + " has not been closed by clearing; close it before its"
                            + " end-of-day run");
        }
        Object[] counts = (Object[]) closed.getFirst();
        List<String> missing = new ArrayList<>();
        compare(missing, "trade legs cleared", ((Number) counts[0]).longValue(), received("CLEARED", businessDate));
        compare(missing, "trade legs busted", ((Number) counts[1]).longValue(), received("BUSTED", businessDate));
        compare(missing, "give-up events (two per give-up)", 2 * ((Number) counts[2]).longValue(),
                received("GIVE_UP", businessDate));
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("trade-events-missing", "Trade events missing",
                    "business date " + businessDate + " is closed but not all of its trade events have arrived: "
                            + String.join("; ", missing) + ". Retry when they have been delivered");
        }
    }

    private long received(String kind, LocalDate businessDate) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from settlement_trade_receipt where kind = :kind and business_date = :date")
                .setParameter("kind", kind).setParameter("date", businessDate).getSingleResult()).longValue();
    }

    private static void compare(List<String> missing, String what, long expected, long received) {
        if (expected != received) {
            missing.add(what + ": " + received + " received of " + expected);
        }
    }
}
