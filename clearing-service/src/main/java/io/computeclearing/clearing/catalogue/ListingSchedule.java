package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.config.ClearingConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Keeps the listings current without anyone asking: a roll at start-up and every hour (cheap and idempotent, so
 * the day boundary is never missed by more than an hour in any zone).
 */
@ApplicationScoped
public class ListingSchedule {

    private static final Logger LOG = Logger.getLogger(ListingSchedule.class);

    private final Listings listings;
    private final Clock clock;

    public ListingSchedule(Listings listings, Clock clock, ClearingConfig config) {
        this.listings = listings;
        this.clock = clock.withZone(config.zone());
    }

    void onStart(@Observes StartupEvent startup) {
        roll();
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void roll() {
        Listings.RollResult result = listings.rollAll(LocalDate.now(clock));
        if (!result.listed().isEmpty() || result.statusChanges() > 0) {
            LOG.infof("listing roll as of %s: listed %s, %d status changes", result.asOf(), result.listed(),
                    result.statusChanges());
        }
    }
}
