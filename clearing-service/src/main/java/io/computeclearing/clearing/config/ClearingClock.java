package io.computeclearing.clearing.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The service's notion of now and today, in the configured zone. */
@ApplicationScoped
public class ClearingClock {

    private final Clock clock;

    public ClearingClock(ClearingConfig config) {
        this.clock = Clock.system(config.zone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, at the microsecond precision PostgreSQL keeps, so a value reads back as it was written. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
