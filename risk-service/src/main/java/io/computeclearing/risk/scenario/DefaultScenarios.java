package io.computeclearing.risk.scenario;

import io.computeclearing.platform.referencedata.ReferenceDataConfig;
import io.computeclearing.platform.referencedata.ReferenceDataScript;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The default scenarios for the default catalogue ({@code reference-data/default-scenarios.sql}: GPU glut, supply
 * shock, token collapse, GPU and token apart both ways, CNY move both ways, historical worst down and up), loaded at
 * start-up when {@code ccp.reference-data.defaults} is on. A scenario already defined is left as it is.
 */
@ApplicationScoped
public class DefaultScenarios {

    static final String SCRIPT = "reference-data/default-scenarios.sql";

    private final ReferenceDataConfig config;
    private final ReferenceDataScript script;

    public DefaultScenarios(ReferenceDataConfig config, ReferenceDataScript script) {
        this.config = config;
        this.script = script;
    }

    void onStart(@Observes StartupEvent startup) {
        if (config.defaults()) {
            load();
        }
    }

    /** Adds the absent default scenarios as version 1; returns what was added (nothing the second time). */
    @Transactional
    public List<String> load() {
        return script.load(SCRIPT);
    }
}
