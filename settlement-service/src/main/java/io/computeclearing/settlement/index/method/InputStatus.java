package io.computeclearing.settlement.index.method;

/** What a computation did with an observation it considered. */
public enum InputStatus {
    USED,
    /** Observed longer than the staleness limit before the cut-off. */
    EXCLUDED_STALE,
    /** A listing, left out because enough providers contributed transactions. */
    EXCLUDED_LOWER_IN_HIERARCHY,
    /** Further from the median than the methodology's multiple of the median absolute deviation. */
    EXCLUDED_OUTLIER
}
