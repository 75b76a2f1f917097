package io.computeclearing.account.margincall;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a margin call must be met and how often overdue calls are looked for. By default a call is due at
 * {@link #deadlineTime()} in {@link #zone()} on the first business day (Monday to Friday; holidays are not modelled)
 * that leaves at least {@link #minimumNotice()}: "next business morning". {@link #timeToMeet()}, when set, replaces
 * that rule by a fixed time after the call is issued (intraday calls, and tests).
 */
@ConfigMapping(prefix = "ccp.margin-calls")
public interface MarginCallConfig {

    /** Time of day a call is due, in {@link #zone()} (for example 09:00, before the market opens). */
    @WithDefault("09:00")
    LocalTime deadlineTime();

    /** Zone of {@link #deadlineTime()} and of the business calendar. */
    @WithDefault("UTC")
    ZoneId zone();

    /** The least time a member gets to deliver collateral under the business-morning rule. */
    @WithDefault("PT2H")
    Duration minimumNotice();

    /** If set, every call is due this long after it was issued, instead of the business-morning rule. */
    Optional<Duration> timeToMeet();

    /**
     * How long a member has to meet a call issued at an intraday settlement cycle (a call at the end-of-day cycle
     * follows the business-morning rule); {@link #timeToMeet()}, when set, applies to every call instead.
     */
    @WithDefault("PT1H")
    Duration intradayTimeToMeet();

    /** How often overdue calls are escalated (a Quarkus scheduler interval, for example {@code 60s}). */
    @WithDefault("60s")
    String checkEvery();
}
