package io.computeclearing.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system clock, moved forward by a test that needs a deadline to pass (and moved
 * back after it, so tests do not see each other's time).
 */
@Alternative
@Priority(1)
@Singleton
public class SettableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void moveForward(Duration duration) {
        ahead = ahead.plus(duration);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is in UTC");
    }
}
