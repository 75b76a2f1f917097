package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.instrument.ListedInstrument;
import io.computeclearing.margin.parameters.InterSpreadSet;
import io.computeclearing.margin.parameters.InterSpreads;
import io.computeclearing.margin.parameters.NewInterSpreads;
import io.computeclearing.margin.parameters.NewRiskParameters;
import io.computeclearing.margin.parameters.RiskParameterSet;
import io.computeclearing.margin.parameters.RiskParameters;
import io.computeclearing.margin.position.AccountPosition;
import io.computeclearing.margin.prices.FinalSettlement;
import io.computeclearing.margin.prices.SettlementPrice;
import io.computeclearing.margin.span.RiskArray;
import io.computeclearing.margin.span.ScenarioGrid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPAN risk parameter files in and out.
 * <p>
 * <b>Export</b>: the risk parameters in force on a business date with, per contract month, the price margin-service
 * builds its risk array at (the latest settlement price on or before that date, else the family's configured reference
 * price), the price scan range ({@link RiskParameterSet#priceScanRange}: {@code |price| x priceScanFraction}, never
 * below the floor) and
 * the array itself, so that members and third-party tools can recompute our margins. The months are those listed by
 * clearing and not expired, and any other month still held, less those finally settled. The inter-commodity spreads
 * in force on the date are written too.
 * <p>
 * <b>Import</b>: a file's parameters become a new version of each family's risk parameters, effective from the file's
 * business date (or a given date, today or later), through the same {@link RiskParameters#revise} that
 * {@code PUT /risk-parameters/{family}} uses. A family whose version in force on that date already equals the file
 * gets no new version, so importing a file twice records it once. A file whose months show no floor keeps the floor
 * of the family's latest version. The file's inter-commodity spreads, when it has any,
 * become a new version of the whole set the same way ({@link InterSpreads#revise}, which also refuses spreads across
 * currencies); a file without any leaves the spreads in force as they are (they are cleared over REST). The whole file
 * is one transaction: a refusal writes nothing.
 */
@ApplicationScoped
@Transactional
public class SpanFiles {

    private static final Logger LOG = Logger.getLogger(SpanFiles.class);
    private static final int RISK_ARRAY_SCALE = 2;
    private static final Set<String> EXPIRED = Set.of("EXPIRED", "SETTLED");

    private final RiskParameters parameters;
    private final InterSpreads interSpreads;
    private final SpanFileReader reader = new SpanFileReader();
    private final SpanFileWriter writer = new SpanFileWriter();
    private final Clock clock;

    public SpanFiles(RiskParameters parameters, InterSpreads interSpreads, Clock clock) {
        this.parameters = parameters;
        this.interSpreads = interSpreads;
        this.clock = clock;
    }

    /** The SPAN file of the parameters in force on the business date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String export(LocalDate businessDate) {
        List<SpanFileContent.Family> families = new ArrayList<>();
        Map<String, Set<YearMonth>> months = contractMonths();
        Map<String, BigDecimal> prices = settlementPrices(businessDate);
        parameters.inForce(businessDate).forEach((family, p) ->
                families.add(family(p, months.getOrDefault(family, Set.of()), prices)));
        return writer.write(new SpanFileContent(businessDate, families, interSpreads.inForce(businessDate)
                .map(InterSpreadSet::spreads).orElse(List.of())), clock.instant());
    }

    private static SpanFileContent.Family family(RiskParameterSet p, Set<YearMonth> months,
            Map<String, BigDecimal> prices) {
        ScenarioGrid grid = ScenarioGrid.of(p.extremeMoveMultiple, p.extremeMoveCover);
        List<SpanFileContent.Contract> contracts = new ArrayList<>();
        for (YearMonth month : new TreeSet<>(months)) {
            BigDecimal price = prices.getOrDefault(instrumentId(p.family, month), p.referencePrice);
            BigDecimal scan = p.priceScanRange(price);
            contracts.add(new SpanFileContent.Contract(month, price, scan,
                    RiskArray.forFuture(grid, price, scan, p.contractUnit, RISK_ARRAY_SCALE)));
        }
        return new SpanFileContent.Family(p.family, p.currency, p.contractUnit, p.referencePrice,
                p.priceScanFraction, p.extremeMoveMultiple, p.extremeMoveCover, p.intraSpreadCharge, p.ratioHouse,
                p.ratioClientOmnibus, p.ratioClientSegregated, p.priceScanFloor, contracts);
    }

    /** Listed months not expired, and months still held, per family; less those finally settled. */
    private static Map<String, Set<YearMonth>> contractMonths() {
        Set<String> ids = new HashSet<>();
        ListedInstrument.<ListedInstrument>listAll().stream().filter(i -> !EXPIRED.contains(i.status))
                .forEach(i -> ids.add(i.instrumentId));
        ids.addAll(AccountPosition.getEntityManager().createQuery(
                "select distinct p.instrumentId from AccountPosition p where p.longQuantity > 0 or p.shortQuantity > 0",
                String.class).getResultList());
        FinalSettlement.<FinalSettlement>listAll().forEach(f -> ids.remove(f.instrumentId));
        Map<String, Set<YearMonth>> byFamily = new HashMap<>();
        for (String id : ids) {
            int dash = id.lastIndexOf('-');
            try {
                YearMonth month = YearMonth.parse(id.substring(dash + 1), SpanFileWriter.MONTH);
                byFamily.computeIfAbsent(id.substring(0, dash), f -> new HashSet<>()).add(month);
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                LOG.warnf("instrument %s is not FAMILY-YYYYMM: left out of the SPAN file", id);
            }
        }
        return byFamily;
    }

    /** The latest settlement price on or before the date of each instrument that has one. */
    private static Map<String, BigDecimal> settlementPrices(LocalDate asOf) {
        Map<String, BigDecimal> prices = new HashMap<>();
        SettlementPrice.getEntityManager().createQuery("""
                        select p from SettlementPrice p where p.businessDate = (select max(q.businessDate)
                        from SettlementPrice q where q.instrumentId = p.instrumentId and q.businessDate <= :asOf)""",
                        SettlementPrice.class)
                .setParameter("asOf", asOf).getResultList().forEach(p -> prices.put(p.instrumentId, p.price));
        return prices;
    }

    private static String instrumentId(String family, YearMonth month) {
        return family + "-" + SpanFileWriter.MONTH.format(month);
    }

    /**
     * Imports a file as new risk parameter versions.
     *
     * @param document      the SPAN XML
     * @param effectiveFrom when the parameters take effect; null for the file's business date
     * @param user          who imports, recorded on each version
     * @param today         today's date: parameters never take effect in the past
     */
    public SpanFileImport importFile(String document, LocalDate effectiveFrom, String user, LocalDate today) {
        SpanFileContent content = reader.read(document);
        LocalDate from = effectiveFrom == null ? content.businessDate() : effectiveFrom;
        if (from.isBefore(today)) {
            throw SpanFileProblems.inconsistent(effectiveFrom == null ? "spanFile/pointInTime/date" : "effectiveFrom",
                    "parameters would take effect on " + from + ", in the past; they take effect today (" + today
                            + ") or later: pass ?effectiveFrom= to import an older file");
        }
        List<SpanFileImport.FamilyVersion> results = new ArrayList<>();
        for (SpanFileContent.Family f : content.families()) {
            RiskParameterSet current = parameters.inForce(f.family(), from).orElse(null);
            BigDecimal intra = f.intraSpreadCharge();
            if (intra == null) {
                if (current == null) {
                    throw SpanFileProblems.inconsistent("spanFile/pointInTime/clearingOrg/ccDef[" + f.family() + "]",
                            "a new family needs its intra-commodity spread charge: give at least two months and their "
                                    + "dSpread");
                }
                intra = current.intraSpreadCharge;
            }
            NewRiskParameters request = new NewRiskParameters(from, f.currency(), f.contractUnit(),
                    f.priceScanFraction(), f.referencePrice(), f.extremeMoveMultiple(), f.extremeMoveCover(), intra,
                    f.ratioHouse(), f.ratioClientOmnibus(), f.ratioClientSegregated(), f.priceScanFloor());
            if (current != null && same(current, request)) {
                results.add(new SpanFileImport.FamilyVersion(f.family(), current.version,
                        SpanFileImport.Outcome.UNCHANGED));
            } else {
                RiskParameterSet created = parameters.revise(f.family(), request, user, today);
                results.add(new SpanFileImport.FamilyVersion(f.family(), created.version,
                        SpanFileImport.Outcome.CREATED));
            }
        }
        SpanFileImport.InterSpreadVersion spreads = null;
        if (!content.interSpreads().isEmpty()) {
            InterSpreads.Revision revision = interSpreads.revise(new NewInterSpreads(from,
                    InterSpreads.DELTA_WEIGHTED_PRICE_RISK, content.interSpreads()), user, today);
            spreads = new SpanFileImport.InterSpreadVersion(revision.set().version(), revision.created()
                    ? SpanFileImport.Outcome.CREATED : SpanFileImport.Outcome.UNCHANGED);
        }
        return new SpanFileImport(content.businessDate(), from, results, spreads);
    }

    private static boolean same(RiskParameterSet p, NewRiskParameters r) {
        return Objects.equals(p.currency, r.currency())
                && p.contractUnit.compareTo(r.contractUnit()) == 0
                && p.priceScanFraction.compareTo(r.priceScanFraction()) == 0
                && p.referencePrice.compareTo(r.referencePrice()) == 0
                && p.extremeMoveMultiple.compareTo(r.extremeMoveMultiple()) == 0
                && p.extremeMoveCover.compareTo(r.extremeMoveCover()) == 0
                && p.intraSpreadCharge.compareTo(r.intraSpreadCharge()) == 0
                && p.ratioHouse.compareTo(r.ratioHouse()) == 0
                && p.ratioClientOmnibus.compareTo(r.ratioClientOmnibus()) == 0
                && p.ratioClientSegregated.compareTo(r.ratioClientSegregated()) == 0
                && (r.priceScanFloor() == null || p.priceScanFloor.compareTo(r.priceScanFloor()) == 0);
    }
}
