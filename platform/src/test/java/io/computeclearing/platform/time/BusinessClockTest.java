package io.computeclearing.platform.time;

import io.computeclearing.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The business clock over a system clock that stands still, so every instant is exact. */
class BusinessClockTest {

    private static final Instant SYSTEM_NOW = Instant.parse("2026-12-07T04:15:30.123456789Z");

    private final BusinessClock clock = new BusinessClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC));

    @Test
    void unmovedItIsTheSystemTimeInUtcToTheMicrosecond() {
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T04:15:30.123456Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.setting().offset()).isEqualTo(Duration.ZERO);
        assertThat(clock.setting().frozen()).isFalse();
    }

    @Test
    void advancingMovesTheBusinessTimeAndResetReturnsToTheSystemTime() {
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        clock.advance(Duration.ofHours(2));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T06:20:31.123456Z"));
        assertThat(clock.setting().offset()).isEqualTo(Duration.parse("PT2H5M1S"));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.parse("2026-12-07"));

        clock.advance(Duration.ofHours(-24));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.parse("2026-12-06"));

        clock.reset();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T04:15:30.123456Z"));
    }

    @Test
    void setTakesTheBusinessTimeToAnInstantAndItRunsOnWithTheSystemClock() {
        MovingSystem system = new MovingSystem(SYSTEM_NOW);
        BusinessClock running = new BusinessClock(system);

        running.set(Instant.parse("2027-03-19T08:59:00Z"));
        system.now = system.now.plusSeconds(90);

        assertThat(running.instant()).isEqualTo(Instant.parse("2027-03-19T09:00:30Z"));
        assertThat(running.setting().frozen()).isFalse();
    }

    @Test
    void aFixedClockStandsStillUntilMovedAgain() {
        MovingSystem system = new MovingSystem(SYSTEM_NOW);
        BusinessClock fixed = new BusinessClock(system);

        fixed.fix(Instant.parse("2026-12-31T23:59:59Z"));
        system.now = system.now.plusSeconds(3600);
        assertThat(fixed.instant()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));

        fixed.advance(Duration.ofSeconds(2));
        assertThat(fixed.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:01Z"));
        assertThat(fixed.setting().frozen()).isTrue();
    }

    @Test
    void aViewInAnotherZoneFollowsLaterMoves() {
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.now(shanghai)).isEqualTo(LocalDate.parse("2026-12-07"));

        clock.advance(Duration.ofHours(20)); // 00:15 UTC on the 8th, 08:15 in Shanghai

        assertThat(shanghai.instant()).isEqualTo(clock.instant());
        assertThat(LocalDate.now(shanghai)).isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(shanghai.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void itCannotBeMovedMoreThanTenYearsFromTheSystemClock() {
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(3654)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(SYSTEM_NOW.minus(Duration.ofDays(3654))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.setting().offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void concurrentMovesAreAllKept() {
        CompletableFuture.allOf(IntStream.range(0, 200)
                .mapToObj(i -> CompletableFuture.runAsync(() -> clock.advance(Duration.ofSeconds(1))))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(clock.setting().offset()).isEqualTo(Duration.ofSeconds(200));
    }

    @Test
    void whereTheSwitchIsOffMovingItOverRestIsNotFound() {
        ClockResource resource = new ClockResource(clock, () -> false, null);

        assertThatThrownBy(() -> resource.move(new ClockResource.ClockSetting(null, "PT1H", null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.toProblem("/clock").type()).isEqualTo("/problems/clock-not-adjustable");
                });
        assertThat(clock.setting().offset()).isEqualTo(Duration.ZERO);
        assertThat(resource.get().adjustable()).isFalse();
    }

    /** A system clock the test moves by hand. */
    private static final class MovingSystem extends Clock {

        volatile Instant now;

        MovingSystem(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
