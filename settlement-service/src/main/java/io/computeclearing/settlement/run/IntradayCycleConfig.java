package io.computeclearing.settlement.run;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Scheduled intraday settlement cycles: per product family the times of day, in {@link #zone()} (the exchange's), at
 * which a cycle of the family runs on every weekday at the intraday prices the back office published for the date,
 * for example {@code ccp.settlement.intraday-cycles.times.GH100=12:00}. None by default: cycles then run only on
 * demand.
 */
@ConfigMapping(prefix = "ccp.settlement.intraday-cycles")
public interface IntradayCycleConfig {

    /** Family code to the times of day its cycles are due. */
    Map<String, List<LocalTime>> times();

    /** The zone of {@link #times()} and of the business date. */
    @WithDefault("UTC")
    ZoneId zone();

    /** How often due cycles are looked for (a Quarkus scheduler interval). */
    @WithDefault("60s")
    String checkEvery();
}
