package io.computeclearing.account.margincall;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a margin call is due; 2026-11-24 is a Tuesday, 2026-11-27 a Friday. */
class MarginCallDeadlineTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private final MarginCallDeadline nextMorning = new MarginCallDeadline(LocalTime.of(9, 0), CHICAGO,
            Duration.ofHours(2), Optional.empty());

    @Test
    void aCallIssuedInTheAfternoonIsDueNextBusinessMorning() {
        // Tuesday 15:30 Chicago (CST, UTC-6) = 21:30Z; due Wednesday 09:00 CST = 15:00Z
        assertThat(nextMorning.dueFor(Instant.parse("2026-11-24T21:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
    }

    @Test
    void aCallIssuedOnFridayIsDueOnMonday() {
        assertThat(nextMorning.dueFor(Instant.parse("2026-11-27T20:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }

    @Test
    void aCallIssuedEarlyInTheMorningIsDueTheSameMorningIfTheNoticeIsLongEnough() {
        // Tuesday 06:00 CST: 06:00 + 2h = 08:00, before 09:00, so due at 09:00 the same day
        assertThat(nextMorning.dueFor(Instant.parse("2026-11-24T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        // Tuesday 07:30 CST: 2 hours of notice reach past 09:00, so due Wednesday
        assertThat(nextMorning.dueFor(Instant.parse("2026-11-24T13:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
    }

    @Test
    void theDeadlineFollowsTheZonesDaylightSavingTime() {
        // Friday 2026-03-06 16:00 CST; Monday 2026-03-09 is after the switch to CDT (UTC-5): 09:00 CDT = 14:00Z
        assertThat(nextMorning.dueFor(Instant.parse("2026-03-06T22:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }

    @Test
    void aFixedTimeToMeetReplacesTheBusinessMorningRule() {
        MarginCallDeadline intraday = new MarginCallDeadline(LocalTime.of(9, 0), CHICAGO, Duration.ofHours(2),
                Optional.of(Duration.ofMinutes(60)));

        assertThat(intraday.dueFor(Instant.parse("2026-11-28T10:15:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T11:15:00Z"));
    }

    @Test
    void anIntradayCycleCallIsDueItsOwnTimeAfterIssueWhateverTheMorningRule() {
        MarginCallDeadline deadlines = new MarginCallDeadline(LocalTime.of(9, 0), CHICAGO, Duration.ofHours(2),
                Optional.empty(), Duration.ofMinutes(90));

        // issued at 12:05 Chicago (18:05Z) on a Friday: the morning rule says Monday 09:00, the intraday rule 13:35
        assertThat(deadlines.dueForIntraday(Instant.parse("2026-11-27T18:05:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T19:35:00Z"));
        assertThat(deadlines.dueFor(Instant.parse("2026-11-27T18:05:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThatThrownBy(() -> new MarginCallDeadline(LocalTime.of(9, 0), CHICAGO, Duration.ofHours(2),
                Optional.empty(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeToMeetMustBePositive() {
        assertThatThrownBy(() -> new MarginCallDeadline(LocalTime.of(9, 0), CHICAGO, Duration.ofHours(2),
                Optional.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
