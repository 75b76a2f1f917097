package io.computeclearing.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of a service: every business timestamp, every "today" and every deadline comparison reads it, injected
 * as {@link Clock}. It is the system clock in UTC plus an offset (zero unless moved), or a fixed instant, so that
 * tests, the local stack and the system test can set the business time (a margin call deadline passes, a day is
 * closed at its time) without waiting for it. Moves are logged and safe from any thread.
 * <p>
 * It ticks in microseconds, the precision PostgreSQL keeps, so an instant written to the database reads back equal.
 * {@link #withZone} gives a view in another zone that follows every later move.
 */
@ApplicationScoped
public class BusinessClock extends Clock {

    /** How far from the system clock the business time may be moved, either way: ten years. */
    public static final Duration MAX_DISTANCE = Duration.ofDays(3653);

    private static final Logger LOG = Logger.getLogger(BusinessClock.class);

    /** Where the business time stands: the system clock plus {@code offset}, or {@code fixedAt} when set. */
    public record Setting(Duration offset, Instant fixedAt) {

        static final Setting SYSTEM = new Setting(Duration.ZERO, null);

        public boolean frozen() {
            return fixedAt != null;
        }
    }

    private final Clock system;
    private final AtomicReference<Setting> setting = new AtomicReference<>(Setting.SYSTEM);

    public BusinessClock() {
        this(Clock.systemUTC());
    }

    /** A business clock over another source of system time (a test's fixed clock, for example). */
    public BusinessClock(Clock system) {
        this.system = system.withZone(ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        Setting now = setting.get();
        Instant instant = now.frozen() ? now.fixedAt() : system.instant().plus(now.offset());
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new Zoned(this, zone);
    }

    /** The current setting, to show where the business time stands. */
    public Setting setting() {
        return setting.get();
    }

    /** The system time this clock is offset from. */
    public Instant systemInstant() {
        return system.instant();
    }

    /** Moves the business time by {@code duration} (backwards when negative); a frozen clock stays frozen. */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return move(current -> current.frozen()
                ? new Setting(Duration.ZERO, current.fixedAt().plus(duration))
                : new Setting(current.offset().plus(duration), null), "advanced by " + duration);
    }

    /** Sets the business time to {@code instant}, from where it runs on with the system clock. */
    public Instant set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return move(current -> new Setting(Duration.between(system.instant(), instant), null), "set to " + instant);
    }

    /** Sets the business time to {@code offset} from the system clock, running. */
    public Instant offset(Duration offset) {
        Objects.requireNonNull(offset, "offset");
        return move(current -> new Setting(offset, null), "offset by " + offset + " from the system clock");
    }

    /** Stops the business time at {@code instant} until it is moved again. */
    public Instant fix(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return move(current -> new Setting(Duration.ZERO, instant), "fixed at " + instant);
    }

    /** Back to the system clock. */
    public Instant reset() {
        return move(current -> Setting.SYSTEM, "reset to the system clock");
    }

    private Instant move(java.util.function.UnaryOperator<Setting> change, String what) {
        Setting moved = setting.updateAndGet(current -> {
            Setting next = change.apply(current);
            Instant target = next.frozen() ? next.fixedAt() : system.instant().plus(next.offset());
            if (Duration.between(system.instant(), target).abs().compareTo(MAX_DISTANCE) > 0) {
                throw new IllegalArgumentException("the business time " + target
                        + " would be more than " + MAX_DISTANCE.toDays() + " days from the system clock");
            }
            return next;
        });
        Instant now = instant();
        LOG.infof("business clock %s: now %s (offset %s%s)", what, now, moved.offset(),
                moved.frozen() ? ", frozen" : "");
        return now;
    }

    /** This clock seen in another zone: the same instants, following every move. */
    private static final class Zoned extends Clock {

        private final BusinessClock clock;
        private final ZoneId zone;

        Zoned(BusinessClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
