package io.computeclearing.account.margincall;


import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a margin call issued at a given instant is due. Either a fixed {@code timeToMeet} after issue, or "next business
 * morning": the first {@code deadlineTime} in {@code zone} on a weekday that is at least {@code minimumNotice} after
 * issue (a call issued on Friday evening is due Monday morning; exchange holidays are not modelled). A call issued at
 * an intraday settlement cycle is due {@code intradayTimeToMeet} after issue (or {@code timeToMeet}, when set).
 */
public record MarginCallDeadline(LocalTime deadlineTime, ZoneId zone, Duration minimumNotice,
                                 Optional<Duration> timeToMeet, Duration intradayTimeToMeet) {

    /** Intraday calls due one hour after issue. */
    public MarginCallDeadline(LocalTime deadlineTime, ZoneId zone, Duration minimumNotice,
                              Optional<Duration> timeToMeet) {
        this(deadlineTime, zone, minimumNotice, timeToMeet, Duration.ofHours(1));
    }

    public MarginCallDeadline {
        Objects.requireNonNull(deadlineTime, "deadlineTime");
        Objects.requireNonNull(zone, "zone");
        if (minimumNotice.isNegative()) {
            throw new IllegalArgumentException("minimum notice must not be negative, was " + minimumNotice);
        }
        timeToMeet.ifPresent(duration -> {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("time to meet a call must be positive, was " + duration);
            }
        });
        if (intradayTimeToMeet.isNegative() || intradayTimeToMeet.isZero()) {
            throw new IllegalArgumentException("time to meet an intraday call must be positive, was "
                    + intradayTimeToMeet);
        }
    }

    public static MarginCallDeadline of(MarginCallConfig config) {
        return new MarginCallDeadline(config.deadlineTime(), config.zone(), config.minimumNotice(),
                config.timeToMeet(), config.intradayTimeToMeet());
    }

    /** When a call issued at an intraday settlement cycle is due: {@code intradayTimeToMeet} after issue. */
    public Instant dueForIntraday(Instant issuedAt) {
        return issuedAt.plus(timeToMeet.orElse(intradayTimeToMeet));
    }

    public Instant dueFor(Instant issuedAt) {
        if (timeToMeet.isPresent()) {
            return issuedAt.plus(timeToMeet.get());
        }
        Instant earliest = issuedAt.plus(minimumNotice);
        LocalDate day = earliest.atZone(zone).toLocalDate();
        while (true) {
            ZonedDateTime candidate = ZonedDateTime.of(day, deadlineTime, zone);
            if (isBusinessDay(day) && !candidate.toInstant().isBefore(earliest)) {
                return candidate.toInstant();
            }
            day = day.plusDays(1);
        }
    }

    private static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
