package io.computeclearing.settlement.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.platform.events.settlement.SettlementEvents.CashLine;
import io.computeclearing.platform.persistence.SqlValues;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.settlement.SettlementLock;
import io.computeclearing.settlement.book.Book;
import io.computeclearing.settlement.instrument.SettledInstrument;
import io.computeclearing.settlement.price.SettlementPrices;
import io.computeclearing.settlement.statement.AccountStatement;
import io.computeclearing.settlement.price.SettlementPrices.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Intraday settlement cycles, run on demand by the risk team or the back office during a business day, or at the
 * times {@link IntradayCycleSchedule} is configured with: variation margin on every position and trade of the
 * families named (all when none are) at the prices given with the cycle (or else the intraday prices published),
 * against the previous cycle's price ({@link CycleFlows}), posted per account and currency and published like the
 * end-of-day run's, each account's postings followed by its {@code AccountCycleSettled}, from which margin-service
 * margins the account at the cycle's prices and account-service calls margin. The end-of-day run of the date continues
 * from the last cycle, so the day's cycles and run together pay exactly what the run alone would have.
 * <p>
 * Refused (409, nothing written): a date already settled or closed, an earlier date not settled, nothing to settle,
 * a price missing for an instrument with positions, an amount not in whole minor units or a currency not summing to
 * zero; 422 for an unknown instrument or a price off its tick grid, 400 for malformed input.
 */
@ApplicationScoped
@Transactional
public class IntradayCycles {

    /**
     * What the risk team or back office asks: the families to settle (none: all) and the cycle's prices (none: the
     * intraday prices the back office published for the date, {@code POST /settlement-cycles/{date}/prices}).
     */
    public record Request(
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9]{1,12}",
                    message = "must be a product family code, 1 to 12 capital letters or digits") String> families,
            @Size(max = 2000) List<@NotNull @Valid Submission> prices) {
    }

    static final String PREFIX = "/INTRADAY-";

    private final SettlementLock lock;
    private final Book book;
    private final CycleFlows cycleFlows;
    private final RunPricing pricing;
    private final SettlementPrices settlementPrices;
    private final RunLedger ledger;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public IntradayCycles(SettlementLock lock, Book book, CycleFlows cycleFlows, RunPricing pricing,
                          SettlementPrices settlementPrices, RunLedger ledger, EntityManager em, ObjectMapper json,
                          Clock clock) {
        this.lock = lock;
        this.book = book;
        this.cycleFlows = cycleFlows;
        this.pricing = pricing;
        this.settlementPrices = settlementPrices;
        this.ledger = ledger;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    public IntradayCycleView run(LocalDate businessDate, Request request, String by) {
        boolean given = request.prices() != null && !request.prices().isEmpty();
        if (given) {
            settlementPrices.instruments(request.prices());
        }
        lock.acquire();
        requireOpen(businessDate);
        List<LocalDate> earlier = book.unsettledDatesBefore(businessDate);
        if (!earlier.isEmpty()) {
            throw RunRefusal.earlierDatesUnsettled(businessDate, earlier);
        }
        Set<String> families = request.families() == null ? Set.of() : new TreeSet<>(request.families());
        Predicate<String> inScope = id -> families.isEmpty() || families.contains(family(id));
        CycleFlows.Flows day = cycleFlows.of(businessDate, inScope, true);
        if (day.flows().isEmpty()) {
            throw ProblemException.conflict("nothing-to-settle", "Nothing to settle",
                    "no account holds or traded " + (families.isEmpty() ? "any instrument" : "families " + families)
                            + " on " + businessDate);
        }
        Map<String, SettledInstrument> instruments = EndOfDayRuns.instruments(day.flows());
        Map<String, BigDecimal> prices = new TreeMap<>();
        if (given) {
            request.prices().forEach(p -> prices.put(p.instrumentId(), p.price()));
        } else {
            published(businessDate).forEach(prices::put);
        }
        List<String> missing = instruments.keySet().stream().filter(id -> !prices.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw RunRefusal.intradayPricesMissing(businessDate, missing);
        }
        Set<String> revalued = new TreeSet<>();
        day.flows().stream().filter(f -> f.needsPreviousPrice() && !day.cyclePrices().containsKey(f.instrumentId()))
                .forEach(f -> revalued.add(f.instrumentId()));
        Map<String, BigDecimal> previous = new TreeMap<>(pricing.previousRunPrices(businessDate, revalued));
        previous.putAll(day.cyclePrices());

        List<SettledLine> lines = new ArrayList<>();
        for (PositionCashFlow flow : day.flows()) {
            String id = flow.instrumentId();
            lines.add(EndOfDayRuns.settle(flow, instruments.get(id), EndOfDayRuns.VARIATION_MARGIN, prices.get(id),
                    previous.get(id)));
        }
        int sequence = nextSequence(businessDate);
        String cycleId = businessDate + PREFIX + sequence;
        List<CashPosting> postings = CashPostings.of("intraday cycle " + cycleId, businessDate,
                ":INTRADAY-" + sequence, lines);
        Instant at = clock.instant();
        Map<String, BigDecimal> settledAt = new TreeMap<>();
        instruments.forEach((id, instrument) -> settledAt.put(id, instrument.atTickScale(prices.get(id))));
        record(cycleId, businessDate, sequence, families, by, at, postings, settledAt, day.settledLegs());
        ledger.publish(cycleId, businessDate, at, postings);
        return find(cycleId).orElseThrow();
    }

    /** The cycles of a date, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IntradayCycleView> ofDate(LocalDate businessDate) {
        return em.createNativeQuery("select cycle_id from intraday_cycle where business_date = :date order by sequence",
                        String.class)
                .setParameter("date", businessDate).getResultList().stream()
                .map(id -> find((String) id).orElseThrow()).toList();
    }

    /** One account's postings in the cycles of a date, with their lines, in cycle order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<AccountStatement.CyclePosting> postingsOf(String accountId, LocalDate businessDate) {
        List<Object[]> rows = em.createNativeQuery("""
                        select c.cycle_id, c.run_at, p.posting_id, p.currency, p.amount, cast(p.lines as text)
                        from intraday_cycle_posting p join intraday_cycle c on c.cycle_id = p.cycle_id
                        where p.account_id = :account and c.business_date = :date order by c.sequence, p.posting_id""")
                .setParameter("account", accountId).setParameter("date", businessDate).getResultList();
        List<AccountStatement.CyclePosting> statements = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                statements.add(new AccountStatement.CyclePosting((String) r[0], SqlValues.instant(r[1]), (String) r[2],
                        (String) r[3], (BigDecimal) r[4], Arrays.asList(json.readValue((String) r[5],
                        CashLine[].class))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cycle posting " + r[2] + " has unreadable lines", e);
            }
        }
        return statements;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Optional<IntradayCycleView> find(String cycleId) {
        List<Object[]> runs = em.createNativeQuery("""
                        select business_date, sequence, families, run_by, run_at, accounts, postings
                        from intraday_cycle where cycle_id = :id""").setParameter("id", cycleId).getResultList();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Object[] run = runs.getFirst();
        List<IntradayCycleView.Total> totals = ((List<Object[]>) em.createNativeQuery("""
                        select currency, paid, received, net, accounts from intraday_cycle_total where cycle_id = :id
                        order by currency""").setParameter("id", cycleId).getResultList()).stream()
                .map(r -> new IntradayCycleView.Total((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2],
                        (BigDecimal) r[3], ((Number) r[4]).intValue())).toList();
        List<IntradayCycleView.Price> prices = ((List<Object[]>) em.createNativeQuery("""
                        select p.instrument_id, p.price, i.tick_size from intraday_cycle_price p
                        join settlement_instrument i on i.instrument_id = p.instrument_id
                        where p.cycle_id = :id order by p.instrument_id""").setParameter("id", cycleId)
                .getResultList()).stream()
                .map(r -> new IntradayCycleView.Price((String) r[0], ((BigDecimal) r[1]).setScale(
                        Math.max(0, ((BigDecimal) r[2]).stripTrailingZeros().scale())))).toList();
        List<IntradayCycleView.Posting> postings = ((List<Object[]>) em.createNativeQuery("""
                        select posting_id, account_id, member_id, currency, amount from intraday_cycle_posting
                        where cycle_id = :id order by posting_id""").setParameter("id", cycleId).getResultList())
                .stream().map(r -> new IntradayCycleView.Posting((String) r[0], (String) r[1], (String) r[2],
                        (String) r[3], (BigDecimal) r[4])).toList();
        String families = (String) run[2];
        return Optional.of(new IntradayCycleView(cycleId, SqlValues.date(run[0]), ((Number) run[1]).intValue(),
                families == null ? List.of() : List.of(families.split(",")), (String) run[3],
                SqlValues.instant(run[4]), ((Number) run[5]).intValue(), ((Number) run[6]).intValue(), totals, prices,
                postings));
    }

    /** The family of an instrument id ({@code GH100-202701}: {@code GH100}). */
    static String family(String instrumentId) {
        int dash = instrumentId.lastIndexOf('-');
        return dash < 0 ? instrumentId : instrumentId.substring(0, dash);
    }

    /** 409 once clearing has closed the date or its end-of-day run is done: its intraday cycles are over. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireOpen(LocalDate businessDate) {
        if (count("select count(*) from eod_run where business_date = :date", businessDate) > 0) {
            throw ProblemException.conflict("day-settled", "Business day settled",
                    "the end-of-day run of " + businessDate + " has been done; its cycles are over");
        }
        if (count("select count(*) from settlement_closed_day where business_date = :date", businessDate) > 0) {
            throw ProblemException.conflict("business-day-closed", "Business day closed",
                    "business date " + businessDate + " is closed: its end-of-day run is its next and last cycle");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> published(LocalDate businessDate) {
        Map<String, BigDecimal> prices = new TreeMap<>();
        ((List<Object[]>) em.createNativeQuery(
                        "select instrument_id, price from intraday_price where business_date = :date")
                .setParameter("date", businessDate).getResultList())
                .forEach(r -> prices.put((String) r[0], (BigDecimal) r[1]));
        return prices;
    }

    private int nextSequence(LocalDate businessDate) {
        return (int) count("select coalesce(max(sequence), 0) from intraday_cycle where business_date = :date",
                businessDate) + 1;
    }

    private long count(String sql, LocalDate businessDate) {
        return ((Number) em.createNativeQuery(sql).setParameter("date", businessDate).getSingleResult()).longValue();
    }

    private void record(String cycleId, LocalDate businessDate, int sequence, Set<String> families, String by,
                        Instant at, List<CashPosting> postings, Map<String, BigDecimal> settledAt,
                        Map<String, List<Long>> settledLegs) {
        long published = postings.stream().filter(p -> p.amount().signum() != 0).count();
        long accounts = postings.stream().map(CashPosting::accountId).distinct().count();
        em.createNativeQuery("""
                        insert into intraday_cycle (cycle_id, business_date, sequence, families, run_by, run_at,
                                                    accounts, postings)
                        values (:id, :date, :sequence, :families, :by, :at, :accounts, :postings)""")
                .setParameter("id", cycleId).setParameter("date", businessDate).setParameter("sequence", sequence)
                .setParameter("families", families.isEmpty() ? null : String.join(",", families))
                .setParameter("by", by).setParameter("at", at).setParameter("accounts", (int) accounts)
                .setParameter("postings", (int) published).executeUpdate();
        for (EndOfDayRunView.Total total : RunLedger.totals(postings)) {
            em.createNativeQuery("""
                            insert into intraday_cycle_total (cycle_id, currency, paid, received, net, accounts)
                            values (:id, :currency, :paid, :received, :net, :accounts)""")
                    .setParameter("id", cycleId).setParameter("currency", total.currency())
                    .setParameter("paid", total.paid()).setParameter("received", total.received())
                    .setParameter("net", total.net()).setParameter("accounts", total.accounts()).executeUpdate();
        }
        settledAt.forEach((instrumentId, price) -> em.createNativeQuery("""
                        insert into intraday_cycle_price (cycle_id, instrument_id, price) values (:id, :i, :p)""")
                .setParameter("id", cycleId).setParameter("i", instrumentId).setParameter("p", price).executeUpdate());
        for (CashPosting posting : postings) {
            em.createNativeQuery("""
                            insert into intraday_cycle_posting (posting_id, cycle_id, account_id, member_id, currency,
                                                                amount, lines, posted_at)
                            values (:id, :cycle, :account, :member, :currency, :amount, cast(:lines as jsonb), :at)""")
                    .setParameter("id", posting.postingId()).setParameter("cycle", cycleId)
                    .setParameter("account", posting.accountId()).setParameter("member", posting.memberId())
                    .setParameter("currency", posting.currency()).setParameter("amount", posting.amount())
                    .setParameter("lines", linesJson(posting)).setParameter("at", at).executeUpdate();
        }
        // one statement per instrument, however many legs: a cycle over a large book settles hundreds of thousands
        settledLegs.forEach((instrumentId, legs) -> {
            if (settledAt.containsKey(instrumentId)) {
                em.createNativeQuery("""
                                insert into intraday_cycle_leg (cycle_id, instrument_id, leg_id)
                                select :id, :instrument, unnest(cast(:legs as bigint[]))""")
                        .setParameter("id", cycleId).setParameter("instrument", instrumentId)
                        .setParameter("legs", legs.stream().map(String::valueOf)
                                .collect(Collectors.joining(",", "{", "}")))
                        .executeUpdate();
            }
        });
    }

    private String linesJson(CashPosting posting) {
        try {
            return json.writeValueAsString(posting.lines().stream().map(SettledLine::toCashLine).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lines of " + posting.postingId(), e);
        }
    }
}
