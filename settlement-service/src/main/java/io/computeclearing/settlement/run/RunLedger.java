package io.computeclearing.settlement.run;

import io.computeclearing.platform.events.settlement.SettlementEvents.AccountCycleSettled;
import io.computeclearing.platform.events.settlement.SettlementEvents.CyclePrice;
import io.computeclearing.platform.events.settlement.SettlementEvents.EndOfDayRunCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.RunPrice;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record of end-of-day runs: the run, its totals, the prices it settled at and its postings. Postings with a
 * non-zero amount go out through the outbox as {@code SettlementCashPosted} (key: account id); those that sum to zero
 * (for example a position whose price did not move) are recorded but not published, since no cash moves. After them,
 * each account's {@code AccountCycleSettled} closes the cycle for it. The run itself goes out last, as
 * {@code EndOfDayRunCompleted} on {@code ccp.settlement.runs.v1} (key: business date).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RunLedger {

    private final EntityManager em;
    private final Outbox outbox;

    public RunLedger(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    public void record(LocalDate businessDate, String by, Instant at, List<CashPosting> postings,
                       Map<String, EndOfDayRunView.Price> prices) {
        long published = postings.stream().filter(p -> p.amount().signum() != 0).count();
        long accounts = postings.stream().map(CashPosting::accountId).distinct().count();
        em.createNativeQuery("""
                        insert into eod_run (business_date, run_by, run_at, accounts, postings)
                        values (:date, :by, :at, :accounts, :postings)""")
                .setParameter("date", businessDate).setParameter("by", by).setParameter("at", at)
                .setParameter("accounts", (int) accounts).setParameter("postings", (int) published)
                .executeUpdate();
        for (EndOfDayRunView.Total total : totals(postings)) {
            em.createNativeQuery("""
                            insert into eod_run_total (business_date, kind, currency, paid, received, net, accounts)
                            values (:date, :kind, :currency, :paid, :received, :net, :accounts)""")
                    .setParameter("date", businessDate).setParameter("kind", total.kind())
                    .setParameter("currency", total.currency()).setParameter("paid", total.paid())
                    .setParameter("received", total.received()).setParameter("net", total.net())
                    .setParameter("accounts", total.accounts())
                    .executeUpdate();
        }
        for (EndOfDayRunView.Price price : prices.values()) {
            em.createNativeQuery("""
                            insert into eod_run_price (business_date, instrument_id, kind, price)
                            values (:date, :instrument, :kind, :price)""")
                    .setParameter("date", businessDate).setParameter("instrument", price.instrumentId())
                    .setParameter("kind", price.kind()).setParameter("price", price.price())
                    .executeUpdate();
        }
        for (CashPosting posting : postings) {
            em.createNativeQuery("""
                            insert into settlement_posting (posting_id, kind, business_date, account_id, member_id,
                                                            currency, amount, posted_at)
                            values (:id, :kind, :date, :account, :member, :currency, :amount, :at)""")
                    .setParameter("id", posting.postingId()).setParameter("kind", posting.kind())
                    .setParameter("date", businessDate).setParameter("account", posting.accountId())
                    .setParameter("member", posting.memberId()).setParameter("currency", posting.currency())
                    .setParameter("amount", posting.amount()).setParameter("at", at)
                    .executeUpdate();
        }
        publish(AccountCycleSettled.endOfDay(businessDate), businessDate, at, postings);
        // Last, in the same transaction: whoever reads it (risk-service's stress run) has every posting before it.
        outbox.record(SettlementEvents.END_OF_DAY_RUN_COMPLETED, businessDate.toString(),
                new EndOfDayRunCompleted(businessDate, (int) accounts, (int) published,
                        prices.values().stream().map(p -> new RunPrice(p.instrumentId(), p.kind(), p.price())).toList(),
                        at));
    }

    /**
     * Publishes a settlement cycle's postings with a non-zero amount ({@code SettlementCashPosted}), then one
     * {@code AccountCycleSettled} per account with a posting, after all of the account's postings: it names the
     * postings published and the prices the account's instruments settled at, with its positions at the close.
     */
    void publish(String cycleId, LocalDate businessDate, Instant at, List<CashPosting> postings) {
        Map<String, List<CashPosting>> byAccount = new TreeMap<>();
        for (CashPosting posting : postings) {
            byAccount.computeIfAbsent(posting.accountId(), a -> new ArrayList<>()).add(posting);
            if (posting.amount().signum() != 0) {
                outbox.record(SettlementEvents.SETTLEMENT_CASH_POSTED, posting.accountId(), new SettlementCashPosted(
                        posting.postingId(), posting.kind(), businessDate, posting.accountId(), posting.memberId(),
                        posting.currency(), posting.amount(),
                        posting.lines().stream().map(SettledLine::toCashLine).toList(), at));
            }
        }
        byAccount.forEach((accountId, own) -> {
            List<String> published = own.stream().filter(p -> p.amount().signum() != 0).map(CashPosting::postingId)
                    .toList();
            List<CyclePrice> prices = own.stream().flatMap(p -> p.lines().stream())
                    .map(line -> new CyclePrice(line.flow().instrumentId(),
                            EndOfDayRuns.FINAL_SETTLEMENT.equals(line.kind()) ? "FINAL" : "DAILY",
                            line.settlementPrice(), line.flow().endOfDay()))
                    .sorted(Comparator.comparing(CyclePrice::instrumentId)).toList();
            outbox.record(SettlementEvents.ACCOUNT_CYCLE_SETTLED, accountId, new AccountCycleSettled(cycleId,
                    businessDate, accountId, own.getFirst().memberId(), published, prices, at));
        });
    }

    /** Per kind and currency: paid, received, net and the number of accounts. */
    static List<EndOfDayRunView.Total> totals(List<CashPosting> postings) {
        Map<String, EndOfDayRunView.Total> totals = new TreeMap<>();
        for (CashPosting p : postings) {
            BigDecimal paid = p.amount().signum() > 0 ? p.amount() : BigDecimal.ZERO.setScale(2);
            BigDecimal received = p.amount().signum() < 0 ? p.amount().negate() : BigDecimal.ZERO.setScale(2);
            totals.merge(p.kind() + ":" + p.currency(),
                    new EndOfDayRunView.Total(p.kind(), p.currency(), paid, received, p.amount(), 1),
                    (a, b) -> new EndOfDayRunView.Total(a.kind(), a.currency(), a.paid().add(b.paid()),
                            a.received().add(b.received()), a.net().add(b.net()), a.accounts() + b.accounts()));
        }
        return List.copyOf(totals.values());
    }

    /** The run of the date, if it was done. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EndOfDayRunView> find(LocalDate businessDate) {
        List<?> runs = em.createNativeQuery(
                        "select run_by, run_at, accounts, postings from eod_run where business_date = :date")
                .setParameter("date", businessDate).getResultList();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Object[] run = (Object[]) runs.getFirst();
        List<EndOfDayRunView.Total> totals = rows("""
                select kind, currency, paid, received, net, accounts from eod_run_total where business_date = :date
                order by kind, currency""", businessDate).stream()
                .map(r -> new EndOfDayRunView.Total((String) r[0], (String) r[1], (BigDecimal) r[2],
                        (BigDecimal) r[3], (BigDecimal) r[4], ((Number) r[5]).intValue())).toList();
        List<EndOfDayRunView.Price> prices = rows("""
                select p.instrument_id, p.kind, p.price, i.tick_size from eod_run_price p
                join settlement_instrument i on i.instrument_id = p.instrument_id
                where p.business_date = :date order by p.instrument_id""", businessDate).stream()
                .map(r -> new EndOfDayRunView.Price((String) r[0], (String) r[1],
                        ((BigDecimal) r[2]).setScale(Math.max(0, ((BigDecimal) r[3]).stripTrailingZeros().scale()))))
                .toList();
        List<EndOfDayRunView.Posting> postings = rows("""
                select posting_id, kind, account_id, member_id, currency, amount from settlement_posting
                where business_date = :date order by posting_id""", businessDate).stream()
                .map(r -> new EndOfDayRunView.Posting((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (BigDecimal) r[5])).toList();
        return Optional.of(new EndOfDayRunView(businessDate, (String) run[0], SqlValues.instant(run[1]),
                ((Number) run[2]).intValue(), ((Number) run[3]).intValue(), totals, prices, postings,
                checks(businessDate, totals)));
    }

    private List<String> checks(LocalDate businessDate, List<EndOfDayRunView.Total> totals) {
        List<String> checks = new ArrayList<>();
        rows("""
                select trade_legs_cleared, trade_legs_busted, give_ups_accepted from settlement_closed_day
                where business_date = :date""", businessDate).forEach(r -> checks.add(
                "business day closed; all its trade events received: " + r[0] + " legs cleared, " + r[1]
                        + " legs busted, " + r[2] + " give-ups"));
        checks.add("every earlier business date with positions was settled first");
        checks.add("a settlement price (or final settlement price) for every instrument with positions or trades");
        for (EndOfDayRunView.Total total : totals) {
            checks.add(total.kind() + " in " + total.currency() + " sums to zero over " + total.accounts()
                    + " accounts");
        }
        return checks;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, LocalDate businessDate) {
        return em.createNativeQuery(sql).setParameter("date", businessDate).getResultList();
    }

}
