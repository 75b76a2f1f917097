package io.computeclearing.risk.backtesting;

import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.risk.market.EndOfDayPrices;
import io.computeclearing.risk.stress.StressEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.computeclearing.platform.persistence.SqlValues.date;
import static io.computeclearing.platform.persistence.SqlValues.instant;

/**
 * The observations of an end of day: for each holding period h (1 and 2 end-of-day runs back, as far as there are
 * any), each account that held positions at the start is observed: the initial margin it held then (its latest
 * requirement calculated at or before that end of day completed) against {@code (P_t - P_{t-h}) x net x contract
 * unit} of those positions at the new settlement prices. Everything is in USD at the business date's rates. Stored,
 * then the families' traffic lights brought up to date, in one transaction, once per end of day.
 */
@ApplicationScoped
public class DailyBacktests {

    /** The holding periods observed, in end-of-day runs. */
    public static final List<Integer> HOLDING_DAYS = List.of(1, 2);
    private static final String REPORTING_CURRENCY = "USD";
    private static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(DailyBacktests.class);

    private final EntityManager em;
    private final FamilyLights lights;
    private final Clock clock;
    private final EndOfDayPrices endOfDayPrices;

    DailyBacktests(EntityManager em, FamilyLights lights, Clock clock, EndOfDayPrices endOfDayPrices) {
        this.em = em;
        this.lights = lights;
        this.clock = clock;
        this.endOfDayPrices = endOfDayPrices;
    }

    /** The end-of-day runs not observed yet, oldest first. */
    @Transactional
    public List<LocalDate> waiting() {
        return em.createNativeQuery("select business_date from backtest_day where observed_at is null "
                + "order by business_date", LocalDate.class).getResultList();
    }

    /**
     * Observes the end of day of {@code date} unless done meanwhile (by another replica); {@link InputsMissing} while
     * a settlement price or rate it needs has not arrived.
     */
    @Transactional
    public boolean observe(LocalDate date) {
        KeyLock.hold(em, "backtest_day", date.toString());
        if (rows("select 1 from backtest_day where business_date = :date and observed_at is null", Map.of("date", date))
                .isEmpty()) {
            return false;
        }
        List<String> notArrived = endOfDayPrices.notArrived(date);
        if (!notArrived.isEmpty()) {
            throw new InputsMissing("the prices the end-of-day run of " + date + " settled " + notArrived
                    + " at have not arrived yet");
        }
        List<Object[]> earlier = rows("""
                select business_date, end_of_day_completed_at from backtest_day where business_date < :date
                order by business_date desc limit :n""", Map.of("date", date, "n", HOLDING_DAYS.size()));
        Map<String, BigDecimal> prices = prices(date);
        List<AccountObservation> observations = new ArrayList<>();
        for (int h = 1; h <= earlier.size(); h++) {
            LocalDate base = date(earlier.get(h - 1)[0]);
            observations.addAll(observe(date, h, base, instant(earlier.get(h - 1)[1]), prices));
        }
        store(observations);
        em.createNativeQuery("update backtest_day set observed_at = :at where business_date = :date")
                .setParameter("at", clock.instant()).setParameter("date", date).executeUpdate();
        lights.update(date);
        LOG.infof("backtest of %s: %d observations", date, observations.size());
        return true;
    }

    private List<AccountObservation> observe(LocalDate date, int h, LocalDate base, Instant baseCompletedAt,
                                             Map<String, BigDecimal> prices) {
        Map<String, BigDecimal> basePrices = prices(base);
        List<Object[]> positions = rows("""
                select p.account_id, p.member_id, p.instrument_id, p.net_quantity, i.family, i.currency,
                       i.contract_unit
                from backtest_position p left join risk_instrument i on i.instrument_id = p.instrument_id
                where p.business_date = :base order by p.account_id, p.instrument_id""", Map.of("base", base));
        Map<String, List<HeldPosition>> byAccount = new LinkedHashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (Object[] r : positions) {
            String instrument = (String) r[2];
            BigDecimal price = prices.get(instrument);
            BigDecimal basePrice = basePrices.get(instrument);
            if (r[4] == null || price == null || basePrice == null) {
                missing.add(instrument);
                continue;
            }
            byAccount.computeIfAbsent((String) r[0], a -> new ArrayList<>()).add(new HeldPosition((String) r[0],
                    (String) r[1], instrument, ((Number) r[3]).longValue(), (String) r[4], ((String) r[5]).strip(),
                    (BigDecimal) r[6], basePrice, price));
        }
        if (!missing.isEmpty()) {
            throw new InputsMissing("no instrument or settlement price on or before " + base + " and " + date
                    + " for " + missing);
        }
        Map<String, Map<String, BigDecimal>> margin = margin(baseCompletedAt);
        TreeSet<String> currencies = new TreeSet<>();
        byAccount.values().forEach(held -> held.forEach(p -> currencies.add(p.currency())));
        byAccount.keySet().forEach(a -> currencies.addAll(margin.getOrDefault(a, Map.of()).keySet()));
        Map<String, BigDecimal> rates = usdRates(date, currencies);
        List<AccountObservation> observations = new ArrayList<>();
        byAccount.forEach((account, held) -> {
            BigDecimal im = BigDecimal.ZERO;
            for (var m : margin.getOrDefault(account, Map.of()).entrySet()) {
                im = im.add(StressEngine.toUsd(m.getValue(), m.getKey(), rates));
            }
            observations.add(AccountObservation.of(date, h, base, held, im.max(BigDecimal.ZERO),
                    (amount, currency) -> StressEngine.toUsd(amount, currency, rates)));
        });
        return observations;
    }

    /** The latest settlement price of each instrument on or before the date (an expired one keeps its last). */
    private Map<String, BigDecimal> prices(LocalDate date) {
        Map<String, BigDecimal> prices = new HashMap<>();
        rows("""
                select distinct on (instrument_id) instrument_id, price from risk_settlement_price
                where business_date <= :date order by instrument_id, business_date desc""", Map.of("date", date))
                .forEach(r -> prices.put((String) r[0], ((BigDecimal) r[1]).stripTrailingZeros()));
        return prices;
    }

    /** Each account's initial margin per currency: its latest requirement calculated at or before {@code at}. */
    private Map<String, Map<String, BigDecimal>> margin(Instant at) {
        Map<String, Map<String, BigDecimal>> margin = new HashMap<>();
        rows("""
                select m.account_id, m.currency, m.initial_margin from risk_margin_requirement m
                join (select account_id, max(calculated_at) as latest from risk_margin_requirement
                      where calculated_at <= :at group by account_id) l
                  on l.account_id = m.account_id and l.latest = m.calculated_at""",
                Map.of("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .forEach(r -> margin.computeIfAbsent((String) r[0], a -> new TreeMap<>())
                        .put(((String) r[1]).strip(), (BigDecimal) r[2]));
        return margin;
    }

    /** Units of each currency per USD in force at the end of the date, as the stress run converts. */
    private Map<String, BigDecimal> usdRates(LocalDate date, TreeSet<String> currencies) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        rates.put(REPORTING_CURRENCY, BigDecimal.ONE);
        List<String> missing = new ArrayList<>();
        for (String currency : currencies) {
            if (REPORTING_CURRENCY.equals(currency)) {
                continue;
            }
            List<Object[]> rate = rows("""
                    select rate, as_of from risk_fx_rate where base_currency = 'USD' and quote_currency = :quote
                    and as_of < :end order by as_of desc limit 1""", Map.of("quote", currency,
                    "end", OffsetDateTime.of(date.plusDays(1).atStartOfDay(), ZoneOffset.UTC)));
            if (rate.isEmpty()) {
                missing.add(currency);
            } else {
                rates.put(currency, ((BigDecimal) rate.getFirst()[0]).stripTrailingZeros());
            }
        }
        if (!missing.isEmpty()) {
            throw new InputsMissing("no USD rate of " + missing + " as of " + date);
        }
        return rates;
    }

    private void store(List<AccountObservation> observations) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement account = connection.prepareStatement("""
                    insert into backtest_observation (business_date, holding_days, account_id, member_id, base_date,
                                                      initial_margin, profit_and_loss, exceedance)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement family = connection.prepareStatement("""
                    insert into backtest_family_observation (business_date, holding_days, account_id, family,
                        currency, profit_and_loss, profit_and_loss_usd, initial_margin, exceedance)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (AccountObservation o : observations) {
                    java.sql.Date date = java.sql.Date.valueOf(o.businessDate());
                    account.setDate(1, date);
                    account.setShort(2, (short) o.holdingDays());
                    account.setString(3, o.accountId());
                    account.setString(4, o.memberId());
                    account.setDate(5, java.sql.Date.valueOf(o.baseDate()));
                    account.setObject(6, o.initialMargin(), Types.NUMERIC);
                    account.setObject(7, o.profitAndLoss(), Types.NUMERIC);
                    account.setBoolean(8, o.observation().exceedance());
                    account.addBatch();
                    for (AccountObservation.FamilyObservation f : o.families()) {
                        family.setDate(1, date);
                        family.setShort(2, (short) o.holdingDays());
                        family.setString(3, o.accountId());
                        family.setString(4, f.family());
                        family.setString(5, f.currency());
                        family.setObject(6, f.profitAndLoss(), Types.NUMERIC);
                        family.setObject(7, f.profitAndLossUsd(), Types.NUMERIC);
                        family.setObject(8, f.initialMargin(), Types.NUMERIC);
                        family.setBoolean(9, f.exceedance());
                        family.addBatch();
                    }
                    if (++pending % BATCH == 0) {
                        account.executeBatch();
                        family.executeBatch();
                    }
                }
                account.executeBatch();
                family.executeBatch();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

}
