package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SPAN requirement of one account with its explanation: the breakdown per combined commodity, the totals per
 * currency, the inter-commodity credits applied, and the account-level requirements in the account's currency.
 * <p>
 * Commodity and currency figures are exact (unrounded) in the commodity's currency. The account's requirements are
 * rounded UP to scale 2 (a requirement is never understated by rounding); the net option value shown in the account
 * currency is rounded HALF_EVEN to scale 2.
 *
 * @param accountCurrency        the account's currency
 * @param accountType            the account type that selected the initial/maintenance ratios
 * @param commodities            breakdown per combined commodity with positions, in parameter order
 * @param currencies             totals per currency
 * @param interCredits           inter-commodity spreads that gave a credit, in priority order
 * @param netOptionValue         value of long minus short options, in the account currency
 * @param maintenanceRequirement {@code max(0, sum of commodity risks - net option value)}, in the account currency
 * @param initialRequirement     {@code max(0, sum of commodity risks x initial/maintenance ratio - net option value)}
 */
public record MarginResult(Currency accountCurrency, AccountType accountType, List<CommodityRisk> commodities,
        List<CurrencyTotal> currencies, List<AppliedInterSpread> interCredits, BigDecimal netOptionValue,
        BigDecimal maintenanceRequirement, BigDecimal initialRequirement) {

    public MarginResult {
        Objects.requireNonNull(accountCurrency, "accountCurrency");
        Objects.requireNonNull(accountType, "accountType");
        commodities = List.copyOf(commodities);
        currencies = List.copyOf(currencies);
        interCredits = List.copyOf(interCredits);
        Objects.requireNonNull(netOptionValue, "netOptionValue");
        Objects.requireNonNull(maintenanceRequirement, "maintenanceRequirement");
        Objects.requireNonNull(initialRequirement, "initialRequirement");
    }

    /** The breakdown of one combined commodity. */
    public Optional<CommodityRisk> commodity(String id) {
        return commodities.stream().filter(c -> c.commodityId().equals(id)).findFirst();
    }

    /** The totals of one currency. */
    public Optional<CurrencyTotal> currency(Currency currency) {
        return currencies.stream().filter(c -> c.currency().equals(currency)).findFirst();
    }

    /**
     * The SPAN risk of one combined commodity, in its currency.
     *
     * @param commodityId        the combined commodity
     * @param currency           its currency
     * @param scanRisk           {@code max(0, max_s sum(qty x array[s]))}
     * @param activeScenario     the scenario (1..16) with the largest loss, the lowest number on ties
     * @param scenarioLosses     the portfolio's loss in each of the 16 scenarios
     * @param netDelta           {@code sum(qty x composite delta)}
     * @param intraCharge        intra-commodity spread charge
     * @param spotCharge         spot month charge
     * @param interCredit        inter-commodity spread credit received
     * @param shortOptionMinimum short option minimum
     * @param netOptionValue     value of long minus short options
     * @param maintenanceRisk    {@code max(scan + intra + spot - inter, short option minimum)}
     * @param initialRisk        {@code maintenanceRisk x initial/maintenance ratio}
     */
    public record CommodityRisk(String commodityId, Currency currency, BigDecimal scanRisk, int activeScenario,
            List<BigDecimal> scenarioLosses, BigDecimal netDelta, BigDecimal intraCharge, BigDecimal spotCharge,
            BigDecimal interCredit, BigDecimal shortOptionMinimum, BigDecimal netOptionValue,
            BigDecimal maintenanceRisk, BigDecimal initialRisk) {

        public CommodityRisk {
            scenarioLosses = List.copyOf(scenarioLosses);
        }
    }

    /**
     * Totals of the commodities in one currency, and the rate used to convert them into the account currency.
     *
     * @param currency        the currency
     * @param fxRate          units of account currency per unit
     * @param maintenanceRisk sum of maintenance risks
     * @param initialRisk     sum of initial risks
     * @param netOptionValue  sum of net option values
     */
    public record CurrencyTotal(Currency currency, BigDecimal fxRate, BigDecimal maintenanceRisk,
            BigDecimal initialRisk, BigDecimal netOptionValue) {
    }

    /**
     * An inter-commodity spread that gave a credit.
     *
     * @param priority            the spread's priority
     * @param spreads             number of spreads formed (delta style); zero in scenario style
     * @param creditByCommodity   credit given to each leg's commodity, in its currency
     * @param jointLosses         scenario style only: the 16 joint losses {@code losses - rate x gains}; else empty
     * @param jointActiveScenario scenario style only: the scenario with the largest joint loss; else 0
     */
    public record AppliedInterSpread(int priority, BigDecimal spreads, Map<String, BigDecimal> creditByCommodity,
            List<BigDecimal> jointLosses, int jointActiveScenario) {

        public AppliedInterSpread {
            creditByCommodity = Map.copyOf(creditByCommodity);
            jointLosses = List.copyOf(jointLosses);
        }
    }
}
