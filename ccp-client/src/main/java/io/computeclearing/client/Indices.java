package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The indices the futures settle against (settlement-service): values an index provider publishes (the GPU rental
 * indices), and values settlement-service computes from a panel of providers' observations under a versioned
 * methodology (the token indices).
 */
public final class Indices {

    public record Index(String id, String name, String unit, String currency, int valueScale,
                        LocalTime publicationTime, String publicationZone, String description, Instant createdAt,
                        Instant updatedAt) {
    }

    /** A published value; a restatement is a new {@code version} of the same date. */
    public record IndexValue(String indexId, LocalDate valueDate, BigDecimal value, String currency, int version,
                             String source, String methodology, Long computationId, String restatementReason,
                             String recordedBy, Instant publishedAt) {
    }

    /** @param restatementReason required when a different value for the date is already published */
    public record NewValue(LocalDate valueDate, BigDecimal value, String restatementReason) {
    }

    /** A provider's billed price and volume; {@code kind} as the methodology names it, e.g. TRANSACTION. */
    public record Observation(String observationId, String provider, String kind, BigDecimal price,
                              BigDecimal volume, Instant observedAt) {
    }

    public record StoredObservation(String observationId, String indexId, String provider, String kind,
                                    BigDecimal price, BigDecimal volume, Instant observedAt, String submittedBy,
                                    Instant submittedAt, boolean created) {
    }

    public record ObservationsStored(int created, int replayed, List<StoredObservation> observations) {
    }

    /** @param cutoff observations after it are left out; null: the methodology's cut-off for the date */
    public record ComputationRequest(LocalDate valueDate, Instant cutoff, String restatementReason) {
    }

    /** The value computed and every input with what the methodology did with it (used, outlier...). */
    public record Computation(String indexId, LocalDate valueDate, Instant cutoff, String methodology,
                              BigDecimal unroundedValue, BigDecimal value, String rounding, int contributors,
                              int valueVersion, String restatementReason, String computedBy, Instant computedAt,
                              List<ComputationInput> inputs) {
    }

    public record ComputationInput(String observationId, String provider, String kind, BigDecimal price,
                                   BigDecimal volume, Instant observedAt, String status) {
    }

    private final RestCalls calls;
    private final URI indices;

    Indices(RestCalls calls, URI settlementService) {
        this.calls = calls;
        this.indices = RestCalls.url(settlementService, "indices");
    }

    public List<Index> list() {
        return calls.get(indices, new TypeReference<>() { });
    }

    public Index get(String indexId) {
        return calls.get(RestCalls.url(indices, indexId), Index.class);
    }

    /** Publishes a provider's value (index provider or back office); the same value again is a replay. */
    public Recorded<IndexValue> publishValue(String indexId, NewValue value) {
        return calls.record(RestCalls.url(indices, indexId, "values"), value, Map.of(), IndexValue.class);
    }

    /** The values in force from {@code from} to {@code to}, both included. */
    public List<IndexValue> values(String indexId, LocalDate from, LocalDate to) {
        return calls.get(RestCalls.query(RestCalls.url(indices, indexId, "values"),
                RestCalls.parameters("from", from, "to", to)), new TypeReference<>() { });
    }

    /** Panel observations (back office); any invalid one refuses them all. */
    public ObservationsStored submitObservations(String indexId, List<Observation> observations) {
        return calls.post(RestCalls.url(indices, indexId, "observations"), observations, ObservationsStored.class);
    }

    /** Computes (and publishes) the date's value from the observations; the same computation again is a replay. */
    public Recorded<Computation> compute(String indexId, ComputationRequest request) {
        return calls.record(RestCalls.url(indices, indexId, "computations"), request, Map.of(), Computation.class);
    }

    public Computation computation(String indexId, LocalDate valueDate) {
        return calls.get(RestCalls.url(indices, indexId, "computations", valueDate), Computation.class);
    }
}
