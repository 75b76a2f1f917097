package io.computeclearing.settlement.run;

import io.computeclearing.settlement.finalsettlement.FinalSettlementFixing;
import io.computeclearing.settlement.finalsettlement.FinalSettlementPrices;
import io.computeclearing.settlement.instrument.SettledInstrument;
import io.computeclearing.settlement.price.SettlementPriceView;
import io.computeclearing.settlement.price.SettlementPrices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the prices a run needs, or refuses with everything that is missing at once: a daily settlement price for
 * every instrument with positions or trades, index values for the final settlement of those on their last trading
 * day, and the previous run's price where a start-of-day position is revalued.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RunPricing {

    private final SettlementPrices prices;
    private final FinalSettlementPrices finalPrices;
    private final EntityManager em;

    public RunPricing(SettlementPrices prices, FinalSettlementPrices finalPrices, EntityManager em) {
        this.prices = prices;
        this.finalPrices = finalPrices;
        this.em = em;
    }

    public RunPrices resolve(LocalDate businessDate, Collection<SettledInstrument> instruments,
                             Set<String> withStartOfDayPositions) {
        Map<String, BigDecimal> daily = new TreeMap<>();
        for (SettlementPriceView price : prices.inForce(businessDate)) {
            daily.put(price.instrumentId(), price.price());
        }
        Map<String, FinalSettlementFixing> finals = new TreeMap<>();
        List<String> missingPrices = new ArrayList<>();
        List<String> missingIndexValues = new ArrayList<>();
        for (SettledInstrument instrument : instruments) {
            if (businessDate.equals(instrument.lastTradingDay)) {
                FinalSettlementPrices.Outcome outcome = finalPrices.fix(instrument);
                if (outcome.fixing() == null) {
                    missingIndexValues.addAll(outcome.missing().stream()
                            .map(m -> m + " (for " + instrument.instrumentId + ")").toList());
                } else {
                    finals.put(instrument.instrumentId, outcome.fixing());
                }
            } else if (!daily.containsKey(instrument.instrumentId)) {
                missingPrices.add(instrument.instrumentId);
            }
        }
        if (!missingPrices.isEmpty() || !missingIndexValues.isEmpty()) {
            throw RunRefusal.pricesMissing(businessDate, missingPrices, missingIndexValues);
        }
        return new RunPrices(daily, finals, previousRunPrices(businessDate, withStartOfDayPositions));
    }

    /** The price of each instrument at the last end-of-day run before the date; 409 naming those without one. */
    public Map<String, BigDecimal> previousRunPrices(LocalDate businessDate, Collection<String> instrumentIds) {
        Map<String, BigDecimal> previous = new TreeMap<>();
        List<String> noPrevious = new ArrayList<>();
        for (String instrumentId : instrumentIds) {
            List<?> found = em.createNativeQuery("""
                            select price from eod_run_price where instrument_id = :instrument and business_date < :date
                            order by business_date desc limit 1""")
                    .setParameter("instrument", instrumentId).setParameter("date", businessDate).getResultList();
            if (found.isEmpty()) {
                noPrevious.add(instrumentId);
            } else {
                previous.put(instrumentId, (BigDecimal) found.getFirst());
            }
        }
        if (!noPrevious.isEmpty()) {
            throw RunRefusal.previousPriceMissing(noPrevious);
        }
        return previous;
    }
}
