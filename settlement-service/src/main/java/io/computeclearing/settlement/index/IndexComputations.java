package io.computeclearing.settlement.index;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.settlement.index.method.InputStatus;
import io.computeclearing.settlement.index.method.PanelObservation;
import io.computeclearing.settlement.index.method.PanelSelection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes index values from panel observations with the methodology in force, and publishes them. The method's exact
 * result is rounded to the index's scale half-even (banker's rounding: a tie goes to the even last digit, so ties do
 * not bias the index up or down over time). A refused computation (too few contributors, no methodology, a date
 * already published without a restatement reason) stores nothing.
 */
@ApplicationScoped
@Transactional
public class IndexComputations {

    /** The rounding of a computed value to the index's scale. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    /** The computation, and whether this request made it (false: a replay of the computation in force). */
    public record Outcome(IndexComputation computation, boolean created) {
    }

    private final IndexPublication publication;
    private final IndexConfig config;
    private final Clock clock;

    public IndexComputations(IndexPublication publication, IndexConfig config, Clock clock) {
        this.publication = publication;
        this.config = config;
        this.clock = clock;
    }

    public Outcome compute(ComputationRequest request, String indexId, String computedBy) {
        IndexDefinition index = IndexDefinition.lockForPublication(indexId);
        IndexMethodology methodology = IndexMethodology.inForce(indexId).orElseThrow(() -> ProblemException.refused(
                "no-methodology", "Index has no methodology",
                "index " + indexId + " has no methodology to compute with; the back office must publish one first"));
        Instant cutoff = request.cutoff() != null ? request.cutoff() : index.publicationInstant(request.valueDate());
        List<IndexObservation> considered = IndexObservation.observedBetween(indexId,
                cutoff.minus(methodology.staleness()).minus(config.staleAuditMargin()), cutoff);
        PanelSelection selection = PanelSelection.select(considered.stream().map(IndexObservation::panel).toList(),
                cutoff, methodology.rules());
        if (!selection.sufficient()) {
            throw ProblemException.refused("insufficient-contributors", "Too few contributors",
                    "index " + indexId + " for " + request.valueDate() + " has " + selection.contributors()
                            + " distinct contributor(s) after excluding stale observations, lower-ranked inputs and "
                            + "outliers (" + considered.size() + " observation(s) considered up to " + cutoff
                            + "); methodology " + methodology.label() + " needs at least " + selection.required());
        }
        BigDecimal unrounded = methodology.method.apply(
                selection.used().stream().map(PanelObservation::weighted).toList(), methodology.trimFraction);
        BigDecimal value = unrounded.setScale(index.valueScale, ROUNDING);
        Optional<IndexComputation> replay = replayOf(request, methodology, cutoff, value);
        if (replay.isPresent()) {
            return new Outcome(replay.get(), false);
        }
        IndexComputation computation = new IndexComputation();
        computation.indexId = indexId;
        computation.valueDate = request.valueDate();
        computation.cutoff = cutoff;
        computation.methodologyVersion = methodology.version;
        computation.method = methodology.method.name();
        computation.unroundedValue = unrounded;
        computation.value = value;
        computation.contributors = selection.contributors();
        computation.valueVersion = publication.nextVersion(index, request.valueDate(), request.restatementReason());
        computation.restatementReason = computation.valueVersion == 1 ? null : request.restatementReason().strip();
        computation.computedBy = computedBy;
        computation.computedAt = clock.instant();
        for (Map.Entry<PanelObservation, InputStatus> input : selection.statuses().entrySet()) {
            computation.inputs.add(new ComputationInput(input.getKey().id(), input.getValue()));
        }
        computation.persist();
        publication.publish(new IndexPublication.Candidate(index, request.valueDate(), value, ValueSource.COMPUTED,
                methodology.label(), computation.id, request.restatementReason(), computedBy));
        return new Outcome(computation, true);
    }

    /** The latest computation for the date, with its inputs, or a 404 problem. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndexComputation latest(String indexId, LocalDate valueDate) {
        IndexDefinition.require(indexId);
        return IndexComputation.latest(indexId, valueDate).orElseThrow(() -> ProblemException.notFound(
                "computation of index " + indexId + " for", valueDate.toString()));
    }

    /**
     * The same request again without a reason, when its result is the computed value in force (same cut-off, same
     * methodology version, same value): an idempotent replay, nothing new.
     */
    private static Optional<IndexComputation> replayOf(ComputationRequest request, IndexMethodology methodology,
                                                       Instant cutoff, BigDecimal value) {
        if (request.restatementReason() != null && !request.restatementReason().isBlank()) {
            return Optional.empty();
        }
        Optional<PublishedIndexValue> inForce = PublishedIndexValue.inForce(methodology.indexId, request.valueDate());
        return inForce.filter(v -> v.computationId != null)
                .flatMap(v -> IndexComputation.<IndexComputation>findByIdOptional(v.computationId))
                .filter(c -> c.cutoff.equals(cutoff) && c.methodologyVersion == methodology.version
                        && c.value.compareTo(value) == 0);
    }
}
