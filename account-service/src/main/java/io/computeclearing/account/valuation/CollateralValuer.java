package io.computeclearing.account.valuation;

import io.computeclearing.account.valuation.AccountValuation.HoldingValue;
import io.computeclearing.account.valuation.AccountValuation.RequirementValue;
import io.computeclearing.account.valuation.MarketData.FxQuote;
import io.computeclearing.account.valuation.MarketData.SecurityQuote;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values collateral after haircuts and compares it with the margin requirement. The rules, in order:
 * <ol>
 * <li>Market value, in the asset's currency: the amount for cash; {@code nominal x price / 100} for a security (price
 * per 100 nominal). Exact.</li>
 * <li>Haircut, applied in the asset's currency before any conversion: the security type's haircut (none for cash),
 * plus the FX haircut when the asset's currency is not the account's base currency; capped at 1.
 * {@code collateral value = market value x (1 - haircut)}. Exact. A negative holding (cash owed to the CCP after a
 * variation margin debit) gets no haircut, not even the FX one: it counts in full against the collateral.</li>
 * <li>Conversion to the base currency with the latest FX rate between the two currencies, whichever way round it is
 * quoted: multiplied by a rate quoted asset/base, divided by a rate quoted base/asset (divisions carried to 34
 * significant digits).</li>
 * <li>Rounding happens only at the end of each line: every displayed value is rounded HALF_EVEN to the minor unit of its
 * currency (2 decimals for USD and CNY), except that a negative line's base-currency value is rounded FLOOR, so a debt
 * is never understated. The account's collateral value is the sum of the rounded base-currency lines, so the statement
 * adds up.</li>
 * <li>Each currency's initial margin is converted the same way (no haircut) and rounded UP to the base currency's
 * minor unit: a requirement is never understated. The account's requirement is the sum of those lines.</li>
 * <li>{@code excess = collateral value - margin requirement}, may be negative.</li>
 * </ol>
 * Missing market data is never guessed: {@link MissingMarketData} names what is missing.
 */
public final class CollateralValuer {

    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private final HaircutSchedule haircuts;

    public CollateralValuer(HaircutSchedule haircuts) {
        this.haircuts = haircuts;
    }

    /**
     * @param holdings           quantity per asset (currency units for cash, nominal for securities); zero lines are
     *                           left out of the result
     * @param initialMargins     the requirement: initial margin per currency
     */
    public AccountValuation value(String baseCurrency, Map<Asset, BigDecimal> holdings,
                                  Map<String, BigDecimal> initialMargins, MarketData market) {
        int baseScale = minorUnits(baseCurrency);
        List<HoldingValue> lines = new ArrayList<>();
        BigDecimal collateral = BigDecimal.ZERO.setScale(baseScale);
        List<Map.Entry<Asset, BigDecimal>> ordered = holdings.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Asset, BigDecimal> e) -> e.getKey().assetClass())
                        .thenComparing(e -> e.getKey().code()))
                .toList();
        for (Map.Entry<Asset, BigDecimal> holding : ordered) {
            if (holding.getValue().signum() == 0) {
                continue;
            }
            HoldingValue line = valueHolding(baseCurrency, holding.getKey(), holding.getValue(), market);
            lines.add(line);
            collateral = collateral.add(line.collateralValueInBaseCurrency());
        }
        List<RequirementValue> requirements = new ArrayList<>();
        BigDecimal required = BigDecimal.ZERO.setScale(baseScale);
        for (Map.Entry<String, BigDecimal> margin : new TreeMap<>(initialMargins).entrySet()) {
            Conversion conversion = Conversion.between(margin.getKey(), baseCurrency, market);
            BigDecimal inBase = conversion.apply(margin.getValue()).setScale(baseScale, RoundingMode.CEILING);
            requirements.add(new RequirementValue(margin.getKey(), margin.getValue(), conversion.pair(),
                    conversion.rate(), inBase));
            required = required.add(inBase);
        }
        return new AccountValuation(baseCurrency, List.copyOf(lines), collateral, List.copyOf(requirements), required,
                collateral.subtract(required));
    }

    private HoldingValue valueHolding(String baseCurrency, Asset asset, BigDecimal quantity, MarketData market) {
        String currency;
        String assetType;
        BigDecimal price = null;
        BigDecimal marketValue;
        BigDecimal haircut;
        if (asset.isCash()) {
            currency = asset.code();
            assetType = "CASH";
            marketValue = quantity;
            haircut = BigDecimal.ZERO;
        } else {
            SecurityQuote quote = market.security(asset.code())
                    .orElseThrow(() -> new MissingMarketData("no price for security " + asset.code()));
            currency = quote.currency();
            assetType = quote.type().name();
            price = quote.price();
            marketValue = quantity.multiply(price).movePointLeft(2);
            haircut = haircuts.of(quote.type());
        }
        boolean owed = quantity.signum() < 0;
        if (owed) {
            haircut = BigDecimal.ZERO;
        }
        BigDecimal fxHaircut = owed || currency.equals(baseCurrency) ? BigDecimal.ZERO : haircuts.fxHaircut();
        BigDecimal totalHaircut = haircut.add(fxHaircut).min(BigDecimal.ONE);
        BigDecimal collateralValue = marketValue.multiply(BigDecimal.ONE.subtract(totalHaircut));
        Conversion conversion = Conversion.between(currency, baseCurrency, market);
        int scale = minorUnits(currency);
        return new HoldingValue(asset.code(), asset.assetClass(), assetType, currency, quantity, price,
                marketValue.setScale(scale, RoundingMode.HALF_EVEN), haircut, fxHaircut,
                collateralValue.setScale(scale, RoundingMode.HALF_EVEN), conversion.pair(), conversion.rate(),
                conversion.apply(collateralValue).setScale(minorUnits(baseCurrency),
                        owed ? RoundingMode.FLOOR : RoundingMode.HALF_EVEN));
    }

    /** Decimals of the currency's minor unit (ISO 4217): 2 for USD and CNY, 0 for JPY. */
    public static int minorUnits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** From one currency to another with a quote in either direction; identity when they are the same. */
    private record Conversion(FxQuote quote, boolean divide) {

        static Conversion between(String from, String to, MarketData market) {
            if (from.equals(to)) {
                return new Conversion(null, false);
            }
            FxQuote quote = market.fxRate(from, to)
                    .orElseThrow(() -> new MissingMarketData("no FX rate between " + to + " and " + from));
            return new Conversion(quote, !quote.baseCurrency().equals(from));
        }

        BigDecimal apply(BigDecimal amount) {
            if (quote == null) {
                return amount;
            }
            return divide ? amount.divide(quote.rate(), DIVISION) : amount.multiply(quote.rate());
        }

        String pair() {
            return quote == null ? null : quote.pair();
        }

        BigDecimal rate() {
            return quote == null ? null : quote.rate();
        }
    }
}
