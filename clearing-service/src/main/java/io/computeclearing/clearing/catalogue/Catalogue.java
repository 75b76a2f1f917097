package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.config.ClearingConfig;
import io.computeclearing.platform.persistence.DuplicateKey;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The contract families and their instruments: defined by the back office, read by everyone. */
@ApplicationScoped
@Transactional
public class Catalogue {

    private final Listings listings;
    private final Clock clock;

    public Catalogue(Listings listings, Clock clock, ClearingConfig config) {
        this.listings = listings;
        this.clock = clock.withZone(config.zone());
    }

    /** Adds a family and lists its contract months from today. */
    public ContractFamily define(NewFamily request) {
        String offsetProblem = request.lastTradingDayRule().offsetProblem(request.offset());
        if (offsetProblem != null) {
            throw ProblemException.invalid("lastTradingDayOffset", offsetProblem);
        }
        if (ContractFamily.findById(request.symbol()) != null) {
            throw ProblemException.conflict("family-exists", "Contract family already exists",
                    "contract family '" + request.symbol() + "' already exists");
        }
        ContractFamily family = new ContractFamily();
        family.symbol = request.symbol();
        family.description = request.description();
        family.underlyingIndexId = request.underlyingIndexId();
        family.currency = request.currency();
        family.contractUnit = request.contractUnit();
        family.unitDescription = request.unitDescription();
        family.tickSize = request.tickSize();
        family.listingCycleMonths = request.listingCycleMonths();
        family.lastTradingDayRule = request.lastTradingDayRule();
        family.lastTradingDayOffset = request.offset();
        family.finalSettlementRule = request.finalSettlementRule();
        family.holidays = new TreeSet<>(request.holidays() == null ? List.of() : request.holidays());
        family.createdAt = clock.instant();
        family.persist();
        // A simultaneous definition of the same symbol answers as a sequential one would.
        DuplicateKey.flush(ContractFamily.getEntityManager(), constraint -> ProblemException.conflict("family-exists",
                "Contract family already exists", "contract family '" + request.symbol() + "' already exists"));
        listings.roll(List.of(family), LocalDate.now(clock));
        return family;
    }

    /** Replaces the family's holidays; instruments not yet expired take their last trading day from the new calendar. */
    public ContractFamily replaceHolidays(String symbol, Collection<LocalDate> holidays) {
        ContractFamily family = family(symbol);
        family.holidays.clear();
        family.holidays.addAll(new TreeSet<>(holidays));
        listings.recomputeLastTradingDays(family);
        return family;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContractFamily> families() {
        return ContractFamily.listAll(Sort.by("symbol"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContractFamily family(String symbol) {
        ContractFamily family = ContractFamily.findById(symbol);
        if (family == null) {
            throw ProblemException.notFound("contract family", symbol);
        }
        return family;
    }

    /** Instruments, optionally of one family and in one status, by family and contract month. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instrument> instruments(String family, Instrument.Status status) {
        Sort order = Sort.by("family.symbol").and("contractMonth");
        Parameters parameters = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (family != null) {
            query.append(" and family.symbol = :family");
            parameters.and("family", family);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return Instrument.list(query.toString(), order, parameters);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Instrument instrument(String id) {
        Instrument instrument = Instrument.findById(id);
        if (instrument == null) {
            throw ProblemException.notFound("instrument", id);
        }
        return instrument;
    }
}
