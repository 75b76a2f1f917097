package io.computeclearing.settlement.index;

import io.computeclearing.platform.referencedata.ReferenceDataConfig;
import io.computeclearing.platform.referencedata.ReferenceDataScript;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The indices the default catalogue settles against ({@code reference-data/default-indices.sql}: SDH100RT, SDB200RT,
 * TOKEN-FRONTIER-USD, TOKEN-FRONTIER-CNY, each with methodology version 1), loaded at start-up when
 * {@code ccp.reference-data.defaults} is on. An index already defined is left as it is.
 */
@ApplicationScoped
public class DefaultIndices {

    static final String SCRIPT = "reference-data/default-indices.sql";

    private final ReferenceDataConfig config;
    private final ReferenceDataScript script;

    public DefaultIndices(ReferenceDataConfig config, ReferenceDataScript script) {
        this.config = config;
        this.script = script;
    }

    void onStart(@Observes StartupEvent startup) {
        if (config.defaults()) {
            load();
        }
    }

    /** Adds the absent default indices with their methodology; returns what was added (nothing the second time). */
    @Transactional
    public List<String> load() {
        return script.load(SCRIPT);
    }
}
