package io.computeclearing.settlement.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Published index values in force (latest version per date), for final settlement. A restatement replaces the value
 * in force; the earlier versions stay in the audit trail ({@link IndexPublication}) but are never returned here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndexValues {

    /** The value in force for the date, if one is published. */
    public Optional<IndexValue> valueOn(String indexId, LocalDate date) {
        return PublishedIndexValue.inForce(indexId, date).map(IndexValue::of);
    }

    /** Values in force for each date in [from, to] that has one, by date. */
    public SortedMap<LocalDate, IndexValue> valuesBetween(String indexId, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, IndexValue> values = new TreeMap<>();
        for (PublishedIndexValue row : PublishedIndexValue.inForceBetween(indexId, from, to)) {
            values.put(row.valueDate, IndexValue.of(row));
        }
        return values;
    }
}
