package io.computeclearing.settlement.index;

/** Where a published index value comes from. */
public enum ValueSource {
    /** Recorded as published by the index provider. */
    PROVIDER,
    /** Computed by this service from panel observations with the methodology in force. */
    COMPUTED
}
