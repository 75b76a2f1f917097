package io.computeclearing.risk.stress;

import io.computeclearing.risk.market.EndOfDayPrices;
import io.computeclearing.risk.market.MemberGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Loads what a stress run of a business date revalues from risk-service's view of the market: the positions held now
 * (non-zero net), the instruments' terms and the date's settlement prices (latest version), every account's latest
 * initial margin, the member groups, and USD rates as of the end of the date. Refuses (409) while a price the date's
 * end-of-day run settled at, or a rate, has not arrived.
 */
@ApplicationScoped
class StressInputs {

    private static final int FETCH = 10_000;

    private final EntityManager em;
    private final MemberGroups memberGroups;
    private final EndOfDayPrices endOfDayPrices;

    StressInputs(EntityManager em, MemberGroups memberGroups, EndOfDayPrices endOfDayPrices) {
        this.em = em;
        this.memberGroups = memberGroups;
        this.endOfDayPrices = endOfDayPrices;
    }

    StressBook load(LocalDate date) {
        List<String> notArrived = endOfDayPrices.notArrived(date);
        if (!notArrived.isEmpty()) {
            throw StressRefusal.runPricesNotArrived(date, notArrived);
        }
        // The latest price of each instrument on or before the date: the date's own wherever the end-of-day run
        // settled at one (checked above to be the run's); an earlier one only for an instrument the date's run did
        // not need, so a run never fails on a position the settlement run did not settle.
        Map<String, BigDecimal> prices = new HashMap<>();
        rows("""
                select distinct on (instrument_id) instrument_id, price from risk_settlement_price
                where business_date <= :date order by instrument_id, business_date desc""", date)
                .forEach(r -> prices.put((String) r[0], (BigDecimal) r[1]));
        List<Object[]> positions = streamed("""
                select p.account_id, p.member_id, p.instrument_id, p.net_quantity, i.family, i.contract_month,
                       i.currency, i.contract_unit, i.underlying_index_id
                from risk_position p left join risk_instrument i on i.instrument_id = p.instrument_id
                where p.net_quantity <> 0 order by p.account_id, p.instrument_id""");
        TreeSet<String> missing = new TreeSet<>();
        Map<String, Integer> instrumentIndex = new HashMap<>();
        List<StressInstrument> instruments = new ArrayList<>();
        for (Object[] r : positions) {
            String id = (String) r[2];
            BigDecimal price = prices.get(id);
            if (price == null || r[4] == null) {
                missing.add(id);
            } else if (!instrumentIndex.containsKey(id)) {
                instrumentIndex.put(id, instruments.size());
                instruments.add(new StressInstrument(id, (String) r[4], (String) r[5], ((String) r[6]).strip(),
                        (BigDecimal) r[7], (String) r[8], price.stripTrailingZeros()));
            }
        }
        if (!missing.isEmpty()) {
            throw StressRefusal.pricesMissing(date, List.copyOf(missing));
        }
        Map<String, String> groups = memberGroups.groups();
        List<Portfolio> portfolios = portfolios(positions, instrumentIndex, groups);
        Map<String, Map<String, BigDecimal>> margin = initialMargin();
        // Only accounts revalued count: an account without positions has no loss for its margin to cover.
        margin.keySet().retainAll(portfolios.stream().map(Portfolio::accountId).collect(Collectors.toSet()));
        return new StressBook(instruments, portfolios, margin, usdRates(date, instruments, margin));
    }

    private static List<Portfolio> portfolios(List<Object[]> positions, Map<String, Integer> instrumentIndex,
                                              Map<String, String> groups) {
        List<Portfolio> portfolios = new ArrayList<>();
        int start = 0;
        while (start < positions.size()) {
            String account = (String) positions.get(start)[0];
            int end = start;
            while (end < positions.size() && positions.get(end)[0].equals(account)) {
                end++;
            }
            int[] held = new int[end - start];
            long[] net = new long[end - start];
            for (int k = start; k < end; k++) {
                held[k - start] = instrumentIndex.get((String) positions.get(k)[2]);
                net[k - start] = ((Number) positions.get(k)[3]).longValue();
            }
            // The member of the latest position: clearing-service names it on every PositionChanged.
            String member = (String) positions.get(start)[1];
            portfolios.add(new Portfolio(account, member, groups.getOrDefault(member, member), held, net));
            start = end;
        }
        return portfolios;
    }

    /** Every account's latest requirement: initial margin per currency. */
    private Map<String, Map<String, BigDecimal>> initialMargin() {
        Map<String, Map<String, BigDecimal>> margin = new HashMap<>();
        rows("""
                select m.account_id, m.currency, m.initial_margin from risk_margin_requirement m
                where m.calculated_at = (select max(calculated_at) from risk_margin_requirement l
                                         where l.account_id = m.account_id)""", null)
                .forEach(r -> margin.computeIfAbsent((String) r[0], a -> new LinkedHashMap<>())
                        .put(((String) r[1]).strip(), (BigDecimal) r[2]));
        return margin;
    }

    /** Units of each currency per USD in force at the end of the date (its latest rate recorded as of then). */
    private Map<String, BigDecimal> usdRates(LocalDate date, List<StressInstrument> instruments,
                                             Map<String, Map<String, BigDecimal>> margin) {
        TreeSet<String> currencies = new TreeSet<>();
        instruments.forEach(i -> currencies.add(i.currency()));
        margin.values().forEach(m -> currencies.addAll(m.keySet()));
        currencies.remove(StressBook.REPORTING_CURRENCY);
        Map<String, BigDecimal> rates = new TreeMap<>();
        rates.put(StressBook.REPORTING_CURRENCY, BigDecimal.ONE);
        List<String> missing = new ArrayList<>();
        for (String currency : currencies) {
            List<?> rate = em.createNativeQuery("""
                            select rate from risk_fx_rate where base_currency = 'USD' and quote_currency = :quote
                            and as_of < :end order by as_of desc limit 1""")
                    .setParameter("quote", currency)
                    .setParameter("end", date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                    .getResultList();
            if (rate.isEmpty()) {
                missing.add(currency);
            } else {
                rates.put(currency, ((BigDecimal) rate.getFirst()).stripTrailingZeros());
            }
        }
        if (!missing.isEmpty()) {
            throw StressRefusal.fxRateMissing(date, missing);
        }
        return rates;
    }

    /** The index values of an index up to and including the date, ascending. */
    List<HistoricalMove.Point> indexHistory(String indexId, LocalDate date) {
        return em.createNativeQuery("""
                        select value_date, value from risk_index_value where index_id = :index and value_date <= :date
                        order by value_date""")
                .setParameter("index", indexId).setParameter("date", date)
                .getResultList().stream()
                .map(r -> new HistoricalMove.Point(toDate(((Object[]) r)[0]), (BigDecimal) ((Object[]) r)[1]))
                .toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * Rows of a query read by plain JDBC in fetches of {@value #FETCH} (the positions of a large book are millions of
     * rows: Hibernate's native query takes several times as long to hand them over).
     */
    private List<Object[]> streamed(String sql) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(FETCH);
                try (ResultSet result = query.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, LocalDate date) {
        var query = em.createNativeQuery(sql);
        if (date != null) {
            query.setParameter("date", date);
        }
        return query.getResultList();
    }
}
