package io.computeclearing.account.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock margin calls are issued, timed and escalated by. A bean, so that a test can replace it with one it
 * moves forward instead of waiting for a deadline.
 */
public class CcpClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
