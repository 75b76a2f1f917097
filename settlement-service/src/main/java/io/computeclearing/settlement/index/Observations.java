package io.computeclearing.settlement.index;

import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Panel observations the back office submits for computed indices. All of a submission is stored or none of it. A
 * resubmitted observation id with the same content is a replay; with different content it is refused, since an input
 * a computation may already have used is never changed.
 */
@ApplicationScoped
@Transactional
public class Observations {

    private final Clock clock;

    public Observations(Clock clock) {
        this.clock = clock;
    }

    /** A stored observation and whether this submission created it. */
    public record Outcome(IndexObservation observation, boolean created) {
    }

    public List<Outcome> submit(String indexId, List<ObservationSubmission> submissions, String submittedBy) {
        // one submission per index at a time, so two racing submissions of the same id end as one row and one replay
        IndexDefinition.lockForPublication(indexId);
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>(submissions.size());
        for (ObservationSubmission submission : submissions) {
            Optional<IndexObservation> stored = IndexObservation.byClientId(indexId, submission.observationId());
            if (stored.isPresent()) {
                if (!submission.sameAs(stored.get())) {
                    throw ProblemException.conflict("observation-conflict", "Observation id already used",
                            "observation '" + submission.observationId() + "' of index " + indexId
                                    + " was already submitted with different content; submit a correction under a "
                                    + "new observation id");
                }
                outcomes.add(new Outcome(stored.get(), false));
                continue;
            }
            IndexObservation observation = new IndexObservation();
            observation.indexId = indexId;
            observation.clientObservationId = submission.observationId();
            observation.provider = submission.provider();
            observation.kind = submission.kind();
            observation.price = submission.price();
            observation.volume = submission.volume();
            observation.observedAt = submission.observedAt();
            observation.submittedBy = submittedBy;
            observation.submittedAt = now;
            observation.persist();
            outcomes.add(new Outcome(observation, true));
        }
        return outcomes;
    }
}
