package io.computeclearing.settlement.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the index part of settlement-service ({@code ccp.index.*}). */
@ConfigMapping(prefix = "ccp.index")
public interface IndexConfig {

    /**
     * How far beyond the staleness limit a computation still lists observations (as stale) in its audit trail; older
     * ones are not considered at all, so the trail does not grow with all of history.
     */
    @WithDefault("P1D")
    Duration staleAuditMargin();

    /** The most observations one {@code POST /indices/{id}/observations} may carry; a larger list is refused whole. */
    @WithDefault("5000")
    int maxObservationsPerSubmission();
}
