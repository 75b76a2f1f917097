package io.computeclearing.margin.spanfile;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of importing a SPAN file: per family the risk parameter version in force from {@code effectiveFrom},
 * either recorded by this import or already equal to the file's (importing the same file again records nothing).
 *
 * @param businessDate  the file's point in time
 * @param effectiveFrom the date the parameters take effect
 * @param families      one line per family in file order
 * @param interSpreads  the inter-commodity spread version in force from {@code effectiveFrom}; null when the file has
 *                      no inter-commodity spread (the spreads in force are then left as they are)
 */
public record SpanFileImport(LocalDate businessDate, LocalDate effectiveFrom, List<FamilyVersion> families,
                             InterSpreadVersion interSpreads) {

    /** Whether the import recorded a new version. */
    public enum Outcome {
        CREATED, UNCHANGED
    }

    /**
     * @param family  the product family
     * @param version the version in force from the effective date
     * @param outcome CREATED when this import recorded it, UNCHANGED when the file equals the version in force
     */
    public record FamilyVersion(String family, int version, Outcome outcome) {
    }

    /**
     * @param version the version of the whole set of inter-commodity spreads in force from the effective date
     * @param outcome CREATED when this import recorded it, UNCHANGED when the file equals the set in force
     */
    public record InterSpreadVersion(int version, Outcome outcome) {
    }

    public boolean createdAny() {
        return families.stream().anyMatch(f -> f.outcome() == Outcome.CREATED)
                || (interSpreads != null && interSpreads.outcome() == Outcome.CREATED);
    }
}
