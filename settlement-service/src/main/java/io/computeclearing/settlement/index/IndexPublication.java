package io.computeclearing.settlement.index;

import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Publishes index values under controlled restatement (IOSCO): the first value of a date is version 1; publishing a
 * different value for the same date is a restatement, allowed only with a reason, and adds the next version while the
 * earlier one stays. Every publication is announced through the outbox as {@code IndexValuePublished} (key: index id).
 */
@ApplicationScoped
@Transactional
public class IndexPublication {

    /** What the caller asked to publish. {@code computationId} and {@code methodology} are null for provider values. */
    record Candidate(IndexDefinition index, LocalDate valueDate, BigDecimal value, ValueSource source,
                     String methodology, Long computationId, String restatementReason, String recordedBy) {
    }

    /** The stored value, and whether this request created it (false: an identical value was already in force). */
    public record Outcome(PublishedIndexValue value, boolean created) {
    }

    private final Outbox outbox;
    private final Clock clock;

    public IndexPublication(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records a value the index provider published. The same value for a date already in force is an idempotent replay
     * (nothing new); a different one needs a restatement reason.
     */
    public Outcome recordProviderValue(String indexId, LocalDate valueDate, BigDecimal value, String restatementReason,
                                       String recordedBy) {
        IndexDefinition index = IndexDefinition.lockForPublication(indexId);
        BigDecimal scaled = index.atScale(value, "value");
        Optional<PublishedIndexValue> inForce = PublishedIndexValue.inForce(indexId, valueDate);
        if (inForce.isPresent() && inForce.get().value.compareTo(scaled) == 0) {
            return new Outcome(inForce.get(), false);
        }
        return new Outcome(publish(new Candidate(index, valueDate, scaled, ValueSource.PROVIDER, null, null,
                restatementReason, recordedBy), inForce), true);
    }

    /** The version the next publication for the date gets, refusing a restatement without a reason. */
    int nextVersion(IndexDefinition index, LocalDate valueDate, String restatementReason) {
        return nextVersion(index, valueDate, restatementReason, PublishedIndexValue.inForce(index.id, valueDate));
    }

    /** Publishes a value; the index must be locked ({@link IndexDefinition#lockForPublication}). */
    PublishedIndexValue publish(Candidate candidate) {
        return publish(candidate, PublishedIndexValue.inForce(candidate.index().id, candidate.valueDate()));
    }

    /** Published versions of [from, to]: only those in force, or with {@code history} every version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedIndexValue> values(String indexId, LocalDate from, LocalDate to, boolean history) {
        IndexDefinition.require(indexId);
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to (" + from + " > " + to + ")");
        }
        return history ? PublishedIndexValue.allVersionsBetween(indexId, from, to)
                : PublishedIndexValue.inForceBetween(indexId, from, to);
    }

    private PublishedIndexValue publish(Candidate candidate, Optional<PublishedIndexValue> inForce) {
        IndexDefinition index = candidate.index();
        PublishedIndexValue row = new PublishedIndexValue();
        row.indexId = index.id;
        row.valueDate = candidate.valueDate();
        row.version = nextVersion(index, candidate.valueDate(), candidate.restatementReason(), inForce);
        row.value = candidate.value();
        row.currency = index.currency;
        row.source = candidate.source();
        row.methodology = candidate.methodology();
        row.computationId = candidate.computationId();
        row.restatementReason = row.version == 1 ? null : candidate.restatementReason().strip();
        row.recordedBy = candidate.recordedBy();
        row.publishedAt = clock.instant();
        row.persist();
        outbox.record(SettlementEvents.INDEX_VALUE_PUBLISHED, index.id, new IndexValuePublished(index.id,
                row.valueDate, row.value, row.currency, row.version, row.source.name(), row.methodology,
                row.restatementReason, row.publishedAt));
        return row;
    }

    private static int nextVersion(IndexDefinition index, LocalDate valueDate, String restatementReason,
                                   Optional<PublishedIndexValue> inForce) {
        if (inForce.isEmpty()) {
            return 1;
        }
        if (restatementReason == null || restatementReason.isBlank()) {
            throw ProblemException.conflict("index-value-exists", "Index value already published",
                    "index " + index.id + " already has value " + inForce.get().value.toPlainString() + " (version "
                            + inForce.get().version + ") for " + valueDate
                            + "; to restate it, send the new value with a restatementReason");
        }
        return inForce.get().version + 1;
    }
}
