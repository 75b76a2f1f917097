package io.computeclearing.margin.requirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.margin.parameters.RiskParameterSet;
import io.computeclearing.margin.parameters.RiskParameters;
import io.computeclearing.margin.position.AccountPosition;
import io.computeclearing.margin.span.AccountType;
import io.computeclearing.margin.span.CombinedCommodity;
import io.computeclearing.margin.span.FxRates;
import io.computeclearing.margin.span.IntraCommoditySpread;
import io.computeclearing.margin.span.MarginResult;
import io.computeclearing.margin.span.Portfolio;
import io.computeclearing.margin.span.Position;
import io.computeclearing.margin.span.RiskArray;
import io.computeclearing.margin.span.ScenarioGrid;
import io.computeclearing.margin.span.SpanCalculator;
import io.computeclearing.margin.span.SpanContract;
import io.computeclearing.margin.span.SpanParameters;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an account's SPAN requirement from all its positions and the risk parameters in force, stores it and
 * publishes {@code MarginRequirementCalculated} through the outbox in the caller's transaction.
 * <p>
 * Each product family is one combined commodity; each contract month a future whose tier is its month order among the
 * months held (tier 1 the nearest); every pair of months may form a spread at the family's flat charge, nearest pairs
 * first. Risk arrays are built at the family's reference price. Commodities are margined per currency with no
 * conversion: the event carries one requirement per currency. Positions are margined net.
 * <p>
 * An account not (yet) in the account directory is margined with the HOUSE ratio and a warning is logged, so the
 * requirement is never missing; it is recomputed with its own ratio at its next position change. A family without
 * risk parameters is left out with an error logged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MarginCalculation {

    private static final Logger LOG = Logger.getLogger(MarginCalculation.class);

    private final RiskParameters parameters;
    private final AccountDirectory directory;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final SpanCalculator calculator = SpanCalculator.cme();

    public MarginCalculation(RiskParameters parameters, AccountDirectory directory, Outbox outbox, ObjectMapper json) {
        this.parameters = parameters;
        this.directory = directory;
        this.outbox = outbox;
        this.json = json;
    }

    /** Recomputes, stores and publishes the whole requirement of the account. */
    public void recompute(String accountId) {
        KnownAccount.AccountType accountType = directory.find(accountId).map(a -> a.accountType).orElseGet(() -> {
            LOG.warnf("account %s is not in the account directory: margined with the HOUSE ratio", accountId);
            return KnownAccount.AccountType.HOUSE;
        });
        Map<String, RiskParameterSet> inForce = parameters.inForce(LocalDate.now(ZoneOffset.UTC));

        Map<String, List<AccountPosition>> byFamily = new TreeMap<>();
        for (AccountPosition p : AccountPosition.ofAccount(accountId)) {
            if (p.netQuantity == 0) {
                continue;
            }
            if (!inForce.containsKey(p.family())) {
                LOG.errorf("no risk parameters for %s: position of %s in %s left out of its margin", p.family(),
                        accountId, p.instrumentId);
                continue;
            }
            byFamily.computeIfAbsent(p.family(), f -> new ArrayList<>()).add(p);
        }

        Map<String, List<CombinedCommodity>> commoditiesByCurrency = new TreeMap<>();
        List<Position> spanPositions = new ArrayList<>();
        byFamily.forEach((family, positions) -> {
            RiskParameterSet p = inForce.get(family);
            commoditiesByCurrency.computeIfAbsent(p.currency, c -> new ArrayList<>())
                    .add(commodity(p, positions, accountType));
            positions.forEach(pos -> spanPositions.add(Position.of(pos.instrumentId, pos.netQuantity)));
        });

        Instant calculatedAt = Instant.now();
        AccountMargin.delete("accountId", accountId);
        List<CurrencyRequirement> requirements = new ArrayList<>();
        commoditiesByCurrency.forEach((currency, commodities) -> {
            SpanParameters span = SpanParameters.of(commodities, List.of());
            List<Position> held = spanPositions.stream()
                    .filter(pos -> commodities.stream().anyMatch(c -> c.contract(pos.contractId()).isPresent()))
                    .toList();
            MarginResult result = calculator.calculate(Portfolio.of(held), span, Map.of(),
                    FxRates.none(Currency.getInstance(currency)), spanAccountType(accountType));
            AccountMargin row = new AccountMargin();
            row.accountId = accountId;
            row.currency = currency;
            row.initialMargin = result.initialRequirement();
            row.maintenanceMargin = result.maintenanceRequirement();
            row.calculatedAt = calculatedAt;
            row.breakdown = toJson(result.commodities());
            row.persist();
            requirements.add(new CurrencyRequirement(currency, row.initialMargin, row.maintenanceMargin));
        });
        outbox.record(MarginEvents.MARGIN_REQUIREMENT_CALCULATED, accountId,
                new MarginRequirementCalculated(accountId, calculatedAt, requirements, List.of()));
    }

    /** The family's combined commodity over the months held: tier = month order, scan at the reference price. */
    private static CombinedCommodity commodity(RiskParameterSet p, List<AccountPosition> positions,
                                               KnownAccount.AccountType accountType) {
        ScenarioGrid grid = ScenarioGrid.of(p.extremeMoveMultiple, p.extremeMoveCover);
        RiskArray array = RiskArray.forFuture(grid, p.referencePrice,
                p.referencePrice.multiply(p.priceScanFraction), p.contractUnit, 2);
        List<SpanContract> contracts = new ArrayList<>();
        // Instrument ids end in YYYYMM, so their order is the month order.
        List<String> months = positions.stream().map(pos -> pos.instrumentId).sorted().toList();
        for (int i = 0; i < months.size(); i++) {
            contracts.add(SpanContract.future(months.get(i), i + 1, array));
        }
        List<IntraCommoditySpread> spreads = new ArrayList<>();
        int priority = 1;
        for (int distance = 1; distance < months.size(); distance++) {
            for (int tier = 1; tier + distance <= months.size(); tier++) {
                spreads.add(IntraCommoditySpread.of(priority++, tier, tier + distance, p.intraSpreadCharge));
            }
        }
        return CombinedCommodity.of(p.family, Currency.getInstance(p.currency), contracts)
                .withIntraSpreads(spreads)
                .withInitialToMaintenance(Map.of(spanAccountType(accountType), p.ratio(accountType)));
    }

    /**
     * The engine's account category: a house account is margined like a clearing member's own, a client account like
     * a speculator's. The ratio itself comes from the parameters of the clearing house's account type.
     */
    private static AccountType spanAccountType(KnownAccount.AccountType accountType) {
        return accountType == KnownAccount.AccountType.HOUSE ? AccountType.MEMBER : AccountType.SPECULATOR;
    }

    private String toJson(List<MarginResult.CommodityRisk> commodities) {
        try {
            return json.writeValueAsString(commodities);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("margin breakdown cannot be written as JSON", e);
        }
    }
}
