package io.computeclearing.clearing.day;

import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.BusinessDayClosed;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Opens and closes business days, and tells trade capture which dates are open. */
@ApplicationScoped
@Transactional
public class BusinessDays {

    private final EntityManager em;
    private final Clock clock;
    private final TradeEventCounts counts;
    private final Outbox outbox;

    public BusinessDays(EntityManager em, Clock clock, TradeEventCounts counts, Outbox outbox) {
        this.em = em;
        this.clock = clock;
        this.counts = counts;
        this.outbox = outbox;
    }

    /** Opens the day; opening an open day again changes nothing, a closed day cannot reopen. */
    public BusinessDay open(LocalDate date) {
        BusinessDay day = BusinessDay.findById(date, LockModeType.PESSIMISTIC_WRITE);
        if (day == null) {
            day = new BusinessDay();
            day.date = date;
            day.status = BusinessDay.Status.OPEN;
            day.openedAt = clock.instant();
            day.persist();
        } else if (day.status == BusinessDay.Status.CLOSED) {
            throw ProblemException.conflict("business-day-closed", "Business day closed",
                    "business day " + date + " was closed at " + day.closedAt + " and cannot be opened again");
        }
        return day;
    }

    /**
     * Closes the day; closing a closed day again changes nothing. Waits for trade batches of that day still being
     * captured, busted or given up (they hold the day's row in share mode), so no trade event lands in a day after it
     * closed. The close publishes BusinessDayClosed with the count of the day's trade events, counted once those
     * have committed, so a consumer can check it received every one.
     */
    public BusinessDay close(LocalDate date) {
        BusinessDay day = BusinessDay.findById(date, LockModeType.PESSIMISTIC_WRITE);
        if (day == null) {
            throw ProblemException.notFound("business day", date.toString());
        }
        if (day.status == BusinessDay.Status.OPEN) {
            day.status = BusinessDay.Status.CLOSED;
            day.closedAt = clock.instant();
            TradeEventCounts.Counts events = counts.of(date);
            outbox.record(ClearingEvents.BUSINESS_DAY_CLOSED, date.toString(), new BusinessDayClosed(date,
                    events.tradeLegsCleared(), events.tradeLegsBusted(), events.giveUpsAccepted(), day.closedAt));
        }
        return day;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BusinessDay> list(BusinessDay.Status status) {
        Sort latestFirst = Sort.descending("date");
        return status == null ? BusinessDay.listAll(latestFirst) : BusinessDay.list("status", latestFirst, status);
    }

    /**
     * The earliest open business date after {@code date}, held open like {@link #holdOpen} until the caller's
     * transaction ends; empty when no date after it is open. A candidate closed meanwhile is passed over for the
     * next one (a closed date never reopens, so this ends).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LocalDate> holdFirstOpenAfter(LocalDate date) {
        while (true) {
            Optional<LocalDate> candidate = em.createQuery("select d.date from BusinessDay d where d.date > :date "
                            + "and d.status = :open order by d.date", LocalDate.class)
                    .setParameter("date", date)
                    .setParameter("open", BusinessDay.Status.OPEN)
                    .setMaxResults(1)
                    .getResultStream().findFirst();
            if (candidate.isEmpty() || !holdOpen(Set.of(candidate.get())).isEmpty()) {
                return candidate;
            }
        }
    }

    /** The closed business dates strictly between the two dates, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocalDate> closedBetween(LocalDate after, LocalDate before) {
        return em.createQuery("select d.date from BusinessDay d where d.date > :after and d.date < :before "
                        + "and d.status = :closed order by d.date", LocalDate.class)
                .setParameter("after", after)
                .setParameter("before", before)
                .setParameter("closed", BusinessDay.Status.CLOSED)
                .getResultList();
    }

    /**
     * Which of the dates are open, holding them open (a share lock, in sorted order) until the caller's transaction
     * ends: a concurrent close waits for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<LocalDate> holdOpen(Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("from BusinessDay d where d.date in :dates and d.status = :open order by d.date",
                        BusinessDay.class)
                .setParameter("dates", dates)
                .setParameter("open", BusinessDay.Status.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultStream()
                .map(day -> day.date)
                .collect(Collectors.toUnmodifiableSet());
    }
}
