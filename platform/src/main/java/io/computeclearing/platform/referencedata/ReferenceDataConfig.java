package io.computeclearing.platform.referencedata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether a service loads its default reference data ({@code ccp.reference-data.*}). */
@ConfigMapping(prefix = "ccp.reference-data")
public interface ReferenceDataConfig {

    /**
     * Load the service's default reference data at start-up: the demo catalogue (clearing-service), its risk
     * parameters and inter-commodity spreads (margin-service), its indices and their methodology (settlement-service).
     * Only what is absent is added, so a restart, or several replicas starting together, load nothing twice. Off by
     * default, so a production install starts empty and the exchange defines its own products over the REST APIs;
     * on in the {@code dev} and {@code test} profiles and in the local stack. Flyway migrations hold the schema only.
     */
    @WithDefault("false")
    boolean defaults();
}
