package io.computeclearing.margin.parameters;

import io.computeclearing.margin.requirement.ParameterActivation;
import io.computeclearing.platform.referencedata.ReferenceDataConfig;
import io.computeclearing.platform.referencedata.ReferenceDataScript;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The risk parameters and inter-commodity spreads of the default catalogue
 * ({@code reference-data/default-risk-parameters.sql}), loaded at start-up when {@code ccp.reference-data.defaults}
 * is on. A family that has parameters keeps them, and the spreads are added only when no version exists. What it adds
 * is effective from 2026-01-01, so it is in force at once: it is applied in the same transaction, as a version
 * recorded over REST is, re-margining the accounts holding those families (none on a fresh install).
 */
@ApplicationScoped
public class DefaultRiskParameters {

    static final String SCRIPT = "reference-data/default-risk-parameters.sql";

    private final ReferenceDataConfig config;
    private final ReferenceDataScript script;
    private final ParameterActivation activation;
    private final Clock clock;

    public DefaultRiskParameters(ReferenceDataConfig config, ReferenceDataScript script,
                                 ParameterActivation activation, Clock clock) {
        this.config = config;
        this.script = script;
        this.activation = activation;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent startup) {
        if (config.defaults()) {
            load();
        }
    }

    /** Adds what is absent and applies it; returns what was added (nothing the second time). */
    @Transactional
    public List<String> load() {
        List<String> added = script.load(SCRIPT);
        if (!added.isEmpty()) {
            activation.applyDue(LocalDate.now(clock));
        }
        return added;
    }
}
