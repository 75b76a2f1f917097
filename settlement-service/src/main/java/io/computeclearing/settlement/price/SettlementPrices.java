package io.computeclearing.settlement.price;

import io.computeclearing.platform.bounds.Decimal;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.settlement.SettlementLock;
import io.computeclearing.platform.persistence.SqlValues;
import io.computeclearing.settlement.index.IndexValue;
import io.computeclearing.settlement.index.IndexValues;
import io.computeclearing.settlement.instrument.SettledInstrument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Daily settlement prices: published by the back office or derived from the underlying index, on the instrument's
 * tick grid, versioned until the date's end-of-day run fixes them. Each new version goes out through the outbox as
 * {@code SettlementPricePublished}, so margin-service revalues at it.
 */
@ApplicationScoped
@Transactional
public class SettlementPrices {

    /**
     * One price the back office submits: at most 12 digits before the point (a trade's price is below 10^12 too) and
     * 8 after it, which every holder of a settlement price stores exactly (margin-service's numeric(24,8), our
     * numeric(30,10)).
     */
    public record Submission(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "must be letters, digits, '.', '_' or '-'") String instrumentId,
            @NotNull @Decimal(integer = 12, fraction = 8) BigDecimal price) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final SettlementLock lock;
    private final IndexValues indexValues;
    private final Clock clock;

    public SettlementPrices(EntityManager em, Outbox outbox, SettlementLock lock, IndexValues indexValues,
                            Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.lock = lock;
        this.indexValues = indexValues;
        this.clock = clock;
    }

    /**
     * Publishes the prices, all or none. A price equal to the one in force is a duplicate and changes nothing; a
     * different one becomes the next version.
     */
    public List<SettlementPriceView> publish(LocalDate businessDate, List<Submission> submissions, String by) {
        validate(submissions);
        lock.acquire();
        requireNoRun(businessDate);
        Map<String, SettledInstrument> instruments = instruments(submissions);
        List<SettlementPriceView> published = new ArrayList<>();
        for (Submission submission : submissions) {
            SettledInstrument instrument = instruments.get(submission.instrumentId());
            published.add(record(instrument, businessDate, submission.price(), "PUBLISHED", null, by));
        }
        return published;
    }

    /**
     * Sets the price from the underlying index value of the date, rounded to the nearest tick (halves to the even
     * tick, see {@link SettledInstrument#roundToTick}).
     */
    public SettlementPriceView derive(LocalDate businessDate, String instrumentId, String by) {
        if (instrumentId == null || instrumentId.isBlank()) {
            throw ProblemException.invalid("instrumentId", "is required");
        }
        lock.acquire();
        requireNoRun(businessDate);
        SettledInstrument instrument = known(instrumentId);
        IndexValue value = indexValues.valueOn(instrument.underlyingIndexId, businessDate)
                .orElseThrow(() -> ProblemException.conflict("index-value-missing", "Index value missing",
                        "index " + instrument.underlyingIndexId + " has no value for " + businessDate
                                + "; publish it before deriving the settlement price of " + instrumentId));
        if (!value.currency().equals(instrument.currency)) {
            throw ProblemException.refused("index-currency-mismatch", "Index in another currency",
                    "index " + value.indexId() + " is in " + value.currency() + " but instrument " + instrumentId
                            + " is priced in " + instrument.currency);
        }
        return record(instrument, businessDate, instrument.roundToTick(value.value()), "DERIVED", value, by);
    }

    /** The prices in force for the date, by instrument. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SettlementPriceView> inForce(LocalDate businessDate) {
        List<?> rows = em.createNativeQuery("""
                        select distinct on (p.instrument_id) p.instrument_id, p.business_date, p.price, p.currency,
                               p.version, p.source, p.index_id, p.index_value, p.index_version, p.published_by,
                               p.published_at, i.tick_size
                        from settlement_price p join settlement_instrument i on i.instrument_id = p.instrument_id
                        where p.business_date = :date order by p.instrument_id, p.version desc""")
                .setParameter("date", businessDate).getResultList();
        return rows.stream().map(row -> view((Object[]) row)).toList();
    }

    /** The price in force for one instrument and date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SettlementPriceView> inForce(String instrumentId, LocalDate businessDate) {
        return inForce(businessDate).stream().filter(p -> p.instrumentId().equals(instrumentId)).findFirst();
    }

    private SettlementPriceView record(SettledInstrument instrument, LocalDate businessDate, BigDecimal price,
                                       String source, IndexValue index, String by) {
        Optional<SettlementPriceView> current = inForce(instrument.instrumentId, businessDate);
        if (current.isPresent() && current.get().price().compareTo(price) == 0
                && current.get().source().equals(source)) {
            return current.get();
        }
        int version = current.map(p -> p.version() + 1).orElse(1);
        Instant now = clock.instant();
        BigDecimal onTick = instrument.atTickScale(price);
        em.createNativeQuery("""
                        insert into settlement_price (instrument_id, business_date, version, price, currency, source,
                                                      index_id, index_value, index_version, published_by, published_at)
                        values (:instrument, :date, :version, :price, :currency, :source, :indexId, :indexValue,
                                :indexVersion, :by, :at)""")
                .setParameter("instrument", instrument.instrumentId)
                .setParameter("date", businessDate)
                .setParameter("version", version)
                .setParameter("price", onTick)
                .setParameter("currency", instrument.currency)
                .setParameter("source", source)
                .setParameter("indexId", index == null ? null : index.indexId())
                .setParameter("indexValue", index == null ? null : index.value())
                .setParameter("indexVersion", index == null ? null : index.version())
                .setParameter("by", by)
                .setParameter("at", now)
                .executeUpdate();
        outbox.record(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, instrument.instrumentId,
                new SettlementPricePublished(instrument.instrumentId, businessDate, onTick, instrument.currency,
                        version, now));
        return new SettlementPriceView(instrument.instrumentId, businessDate, onTick, instrument.currency, version,
                source, index == null ? null : index.indexId(), index == null ? null : index.value(),
                index == null ? null : index.version(), by, now);
    }

    private static SettlementPriceView view(Object[] row) {
        BigDecimal tick = (BigDecimal) row[11];
        int scale = Math.max(0, tick.stripTrailingZeros().scale());
        BigDecimal indexValue = (BigDecimal) row[7];
        return new SettlementPriceView((String) row[0], SqlValues.date(row[1]), ((BigDecimal) row[2]).setScale(scale),
                (String) row[3], ((Number) row[4]).intValue(), (String) row[5], (String) row[6],
                indexValue == null ? null : indexValue.stripTrailingZeros(),
                row[8] == null ? null : ((Number) row[8]).intValue(), (String) row[9], SqlValues.instant(row[10]));
    }



    /**
     * The instrument of each submitted price, every price checked: 400 if one is missing or an instrument appears
     * twice, 422 for an unknown or finally settled instrument or a price off its tick grid.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, SettledInstrument> instruments(List<Submission> submissions) {
        validate(submissions);
        Map<String, SettledInstrument> instruments = new HashMap<>();
        for (Submission submission : submissions) {
            SettledInstrument instrument = known(submission.instrumentId());
            if (!instrument.onTickGrid(submission.price())) {
                throw ProblemException.refused("off-tick-price", "Price not on the tick grid",
                        "instrument " + instrument.instrumentId + ": price " + submission.price().toPlainString()
                                + " is not a multiple of its tick " + instrument.tickSize.stripTrailingZeros().toPlainString());
            }
            instruments.put(instrument.instrumentId, instrument);
        }
        return instruments;
    }

    private SettledInstrument known(String instrumentId) {
        SettledInstrument instrument = SettledInstrument.findById(instrumentId);
        if (instrument == null) {
            throw ProblemException.refused("unknown-instrument", "Unknown instrument",
                    "instrument " + instrumentId + " is not listed (or its listing has not reached settlement yet)");
        }
        List<?> settled = em.createNativeQuery("select business_date from final_settlement where instrument_id = :id")
                .setParameter("id", instrumentId).getResultList();
        if (!settled.isEmpty()) {
            throw ProblemException.refused("instrument-settled", "Instrument finally settled",
                    "instrument " + instrumentId + " was finally settled on " + SqlValues.date(settled.getFirst())
                            + "; it has no daily settlement prices after that");
        }
        return instrument;
    }

    private void requireNoRun(LocalDate businessDate) {
        long runs = ((Number) em.createNativeQuery("select count(*) from eod_run where business_date = :date")
                .setParameter("date", businessDate).getSingleResult()).longValue();
        if (runs > 0) {
            throw ProblemException.conflict("prices-fixed", "Settlement prices fixed",
                    "the end-of-day run of " + businessDate + " has been done; its settlement prices can no longer change");
        }
    }

    private static void validate(List<Submission> submissions) {
        if (submissions == null || submissions.isEmpty()) {
            throw ProblemException.invalid("prices", "give at least one {instrumentId, price}");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission s = submissions.get(i);
            if (s == null || s.instrumentId() == null || s.instrumentId().isBlank()) {
                throw ProblemException.invalid("prices[" + i + "].instrumentId", "is required");
            }
            if (s.price() == null) {
                throw ProblemException.invalid("prices[" + i + "].price", "is required");
            }
            if (!seen.add(s.instrumentId())) {
                throw ProblemException.invalid("prices[" + i + "].instrumentId",
                        s.instrumentId() + " appears more than once");
            }
        }
    }
}
