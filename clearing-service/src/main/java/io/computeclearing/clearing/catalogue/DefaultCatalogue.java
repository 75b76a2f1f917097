package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.config.ClearingConfig;
import io.computeclearing.platform.referencedata.ReferenceDataConfig;
import io.computeclearing.platform.referencedata.ReferenceDataScript;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The default catalogue ({@code reference-data/default-catalogue.sql}: GH100, GB200, TKFRN, TKFRC), loaded at
 * start-up when {@code ccp.reference-data.defaults} is on. Families already defined are left as they are; the
 * families it adds are listed at once, and their instruments announced, in the same transaction, as a family
 * defined over REST is.
 */
@ApplicationScoped
public class DefaultCatalogue {

    static final String SCRIPT = "reference-data/default-catalogue.sql";

    private final ReferenceDataConfig config;
    private final ReferenceDataScript script;
    private final Listings listings;
    private final Clock clock;

    public DefaultCatalogue(ReferenceDataConfig config, ReferenceDataScript script, Listings listings,
                            Clock clock, ClearingConfig clearing) {
        this.config = config;
        this.script = script;
        this.listings = listings;
        this.clock = clock.withZone(clearing.zone());
    }

    /** Runs before the start-up roll of {@link ListingSchedule} (lower priority first), which then has nothing to list. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent startup) {
        if (config.defaults()) {
            load();
        }
    }

    /** Adds the absent default families and lists them; returns what was added (nothing the second time). */
    @Transactional
    public List<String> load() {
        List<String> added = script.load(SCRIPT);
        if (!added.isEmpty()) {
            listings.rollAll(LocalDate.now(clock));
        }
        return added;
    }
}
