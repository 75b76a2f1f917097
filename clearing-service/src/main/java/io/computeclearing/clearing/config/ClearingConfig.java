package io.computeclearing.clearing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Settings of the clearing service ({@code ccp.clearing.*}). */
@ConfigMapping(prefix = "ccp.clearing")
public interface ClearingConfig {

    /** Time zone in which the service reckons "today": which months are listed and which instruments expire. */
    @WithDefault("UTC")
    ZoneId zone();

    /** The most trades one {@code POST /trades/batch} may carry; a larger batch is refused whole. */
    @WithDefault("5000")
    int batchMaxTrades();

    /** The largest page {@code GET /trades} returns. */
    @WithDefault("1000")
    int maxPageSize();

    /**
     * How long after it cleared a trade may still be busted, corrected or have a leg given up. Whatever this says,
     * the trade's business date must also still be open: reversals are booked on that date, and a closed date's
     * positions are final.
     */
    @WithDefault("PT24H")
    Duration bustWindow();
}
