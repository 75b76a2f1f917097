package io.computeclearing.settlement.index;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.settlement.index.method.IndexMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** Methodology versions: the back office adds them (never edits one), everyone reads them. */
@ApplicationScoped
@Transactional
public class Methodologies {

    private final Clock clock;

    public Methodologies(Clock clock) {
        this.clock = clock;
    }

    /** Adds the next version, in force from now on for every computation. */
    public IndexMethodology define(String indexId, NewMethodology request, String createdBy) {
        IndexDefinition.lockForPublication(indexId);
        if (request.stalenessLimit().isNegative() || request.stalenessLimit().isZero()) {
            throw ProblemException.invalid("stalenessLimit", "must be a positive duration such as PT24H");
        }
        BigDecimal trim = request.trimFraction() == null ? BigDecimal.ZERO : request.trimFraction();
        if (request.method() != IndexMethod.TRIMMED_MEAN && trim.signum() != 0) {
            throw ProblemException.invalid("trimFraction", "applies to TRIMMED_MEAN only; leave it out or 0 for "
                    + request.method());
        }
        IndexMethodology methodology = new IndexMethodology();
        methodology.indexId = indexId;
        methodology.version = IndexMethodology.inForce(indexId).map(m -> m.version + 1).orElse(1);
        methodology.method = request.method();
        methodology.trimFraction = trim;
        methodology.minContributors = request.minContributors();
        methodology.stalenessSeconds = request.stalenessLimit().toSeconds();
        methodology.outlierMadMultiple = request.outlierMadMultiple();
        methodology.changeReason = request.changeReason();
        methodology.createdBy = createdBy;
        methodology.createdAt = clock.instant();
        methodology.persist();
        return methodology;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndexMethodology inForce(String indexId) {
        IndexDefinition.require(indexId);
        return IndexMethodology.inForce(indexId).orElseThrow(() -> ProblemException.notFound("methodology of index",
                indexId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndexMethodology> history(String indexId) {
        IndexDefinition.require(indexId);
        return IndexMethodology.history(indexId);
    }
}
