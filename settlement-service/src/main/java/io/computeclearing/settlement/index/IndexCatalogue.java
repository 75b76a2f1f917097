package io.computeclearing.settlement.index;

import io.computeclearing.platform.persistence.DuplicateKey;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** The indices the service publishes: defined and described by the back office, read by everyone. */
@ApplicationScoped
@Transactional
public class IndexCatalogue {

    private final Clock clock;

    public IndexCatalogue(Clock clock) {
        this.clock = clock;
    }

    /** Adds an index. It needs a methodology ({@link Methodologies}) before values can be computed for it. */
    public IndexDefinition define(NewIndex request) {
        try {
            ZoneId.of(request.publicationZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("publicationZone",
                    "'" + request.publicationZone() + "' is not a time zone id (e.g. America/New_York)");
        }
        if (IndexDefinition.findById(request.id()) != null) {
            throw ProblemException.conflict("index-exists", "Index already exists",
                    "index '" + request.id() + "' already exists");
        }
        IndexDefinition index = new IndexDefinition();
        index.id = request.id();
        index.name = request.name();
        index.unit = request.unit();
        index.currency = request.currency();
        index.valueScale = request.valueScale();
        index.publicationTime = request.publicationTime();
        index.publicationZone = request.publicationZone();
        index.description = request.description();
        index.createdAt = clock.instant();
        index.updatedAt = index.createdAt;
        index.persist();
        // A simultaneous definition of the same id answers as a sequential one would.
        DuplicateKey.flush(IndexDefinition.getEntityManager(), constraint -> ProblemException.conflict("index-exists",
                "Index already exists", "index '" + request.id() + "' already exists"));
        return index;
    }

    /** Replaces the published methodology statement in words; the methodology's parameters change by new version. */
    public IndexDefinition describe(String id, String description) {
        IndexDefinition index = IndexDefinition.require(id);
        index.description = description;
        index.updatedAt = clock.instant();
        return index;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndexDefinition> indices() {
        return IndexDefinition.listAll(Sort.by("id"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndexDefinition index(String id) {
        return IndexDefinition.require(id);
    }
}
