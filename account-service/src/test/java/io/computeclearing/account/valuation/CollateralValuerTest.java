package io.computeclearing.account.valuation;

import io.computeclearing.account.valuation.AccountValuation.HoldingValue;
import io.computeclearing.account.valuation.MarketData.FxQuote;
import io.computeclearing.account.valuation.MarketData.SecurityQuote;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The valuation rules on their own, with amounts worked out by hand in the comments. */
class CollateralValuerTest {

    /** The configured defaults: CME's orientation values, FX haircut 8%. */
    private static final HaircutSchedule HAIRCUTS = new HaircutSchedule(Map.of(
            SecurityType.TREASURY_BILL, new BigDecimal("0.005"),
            SecurityType.GOVERNMENT_BOND, new BigDecimal("0.04"),
            SecurityType.CORPORATE_BOND, new BigDecimal("0.20"),
            SecurityType.GOLD, new BigDecimal("0.15")), new BigDecimal("0.08"));

    private final CollateralValuer valuer = new CollateralValuer(HAIRCUTS);
    private final Market market = new Market();

    @Test
    void governmentBondCountsAtMarketValueLessItsHaircut() {
        market.security("US912828YK09", SecurityType.GOVERNMENT_BOND, "USD", "98.50");

        // 1,000,000 nominal x 98.50 / 100 = 985,000.00; x (1 - 0.04) = 945,600.00
        AccountValuation valuation = value("USD", Map.of(Asset.security("US912828YK09"), d("1000000.00")), Map.of());

        HoldingValue bond = valuation.holdings().getFirst();
        assertThat(bond.assetType()).isEqualTo("GOVERNMENT_BOND");
        assertThat(bond.marketValue()).isEqualTo(d("985000.00"));
        assertThat(bond.haircut()).isEqualTo(d("0.04"));
        assertThat(bond.fxHaircut()).isEqualTo(BigDecimal.ZERO);
        assertThat(bond.collateralValue()).isEqualTo(d("945600.00"));
        assertThat(bond.collateralValueInBaseCurrency()).isEqualTo(d("945600.00"));
        assertThat(valuation.collateralValue()).isEqualTo(d("945600.00"));
        assertThat(valuation.excess()).isEqualTo(d("945600.00"));
    }

    @Test
    void cashInAnotherCurrencyTakesTheFxHaircutBeforeConversion() {
        market.fx("USD", "CNY", "7.10");

        // CNY 100,000.00 x (1 - 0.08) = CNY 92,000.00; one USD costs 7.10 CNY, so 92,000 / 7.10
        // = 12,957.746478873... USD, rounded HALF_EVEN to the cent: 12,957.75
        AccountValuation valuation = value("USD", Map.of(
                Asset.cash("CNY"), d("100000.00"),
                Asset.cash("USD"), d("1000.00")), Map.of());

        HoldingValue cny = valuation.holdings().getFirst();
        assertThat(cny.asset()).isEqualTo("CNY");
        assertThat(cny.marketValue()).isEqualTo(d("100000.00"));
        assertThat(cny.fxHaircut()).isEqualTo(d("0.08"));
        assertThat(cny.collateralValue()).isEqualTo(d("92000.00"));
        assertThat(cny.fxPair()).isEqualTo("USD/CNY");
        assertThat(cny.collateralValueInBaseCurrency()).isEqualTo(d("12957.75"));
        HoldingValue usd = valuation.holdings().get(1);
        assertThat(usd.fxPair()).isNull();
        assertThat(usd.collateralValueInBaseCurrency()).isEqualTo(d("1000.00"));
        assertThat(valuation.collateralValue()).isEqualTo(d("13957.75"));
    }

    @Test
    void aRateQuotedTheOtherWayRoundIsMultiplied() {
        market.fx("CNY", "USD", "0.1408");

        // CNY 92,000.00 after the FX haircut x 0.1408 USD per CNY = 12,953.60 exactly
        AccountValuation valuation = value("USD", Map.of(Asset.cash("CNY"), d("100000.00")), Map.of());

        assertThat(valuation.holdings().getFirst().fxPair()).isEqualTo("CNY/USD");
        assertThat(valuation.collateralValue()).isEqualTo(d("12953.60"));
    }

    @Test
    void aSecurityInAnotherCurrencyTakesBothHaircuts() {
        market.security("CN0001234567", SecurityType.GOVERNMENT_BOND, "CNY", "100.00");
        market.fx("USD", "CNY", "7.10");

        // CNY 1,000,000.00 x (1 - 0.04 - 0.08) = CNY 880,000.00; / 7.10 = 123,943.661971... USD -> 123,943.66
        AccountValuation valuation = value("USD", Map.of(Asset.security("CN0001234567"), d("1000000.00")), Map.of());

        assertThat(valuation.holdings().getFirst().collateralValue()).isEqualTo(d("880000.00"));
        assertThat(valuation.collateralValue()).isEqualTo(d("123943.66"));
    }

    @Test
    void valuesAreRoundedHalfEvenOnlyAtTheEndOfEachLine() {
        market.security("XS0000000001", SecurityType.CORPORATE_BOND, "USD", "88.50");

        // 1.25 nominal x 88.50 / 100 = 1.10625 (shown 1.11); x (1 - 0.20) = 0.885 exactly, HALF_EVEN -> 0.88
        // (HALF_UP would give 0.89; rounding the market value first would give 1.11 x 0.8 = 0.888 -> 0.89)
        AccountValuation valuation = value("USD", Map.of(Asset.security("XS0000000001"), d("1.25")), Map.of());

        assertThat(valuation.holdings().getFirst().marketValue()).isEqualTo(d("1.11"));
        assertThat(valuation.collateralValue()).isEqualTo(d("0.88"));
    }

    @Test
    void aRequirementInAnotherCurrencyIsConvertedRoundingUp() {
        market.fx("USD", "CNY", "7.10");

        // CNY 71,000.03 / 7.10 = 10,000.0042253... USD: rounded up to 10,000.01, never understated
        AccountValuation valuation = value("USD", Map.of(Asset.cash("USD"), d("10000.00")),
                Map.of("CNY", d("71000.03")));

        assertThat(valuation.requirements().getFirst().initialMarginInBaseCurrency()).isEqualTo(d("10000.01"));
        assertThat(valuation.marginRequirement()).isEqualTo(d("10000.01"));
        assertThat(valuation.excess()).isEqualTo(d("-0.01"));
    }

    @Test
    void excessIsCollateralValueLessRequirementAndMayBeNegative() {
        AccountValuation valuation = value("USD", Map.of(Asset.cash("USD"), d("100.00")),
                Map.of("USD", d("150.00")));

        assertThat(valuation.collateralValue()).isEqualTo(d("100.00"));
        assertThat(valuation.marginRequirement()).isEqualTo(d("150.00"));
        assertThat(valuation.excess()).isEqualTo(d("-50.00"));
    }

    @Test
    void negativeCashInTheBaseCurrencyCountsInFullAgainstCollateral() {
        market.security("US912828YK09", SecurityType.GOVERNMENT_BOND, "USD", "98.50");

        // bond 945,600.00 after haircut (as above); USD -50,000.00 of unpaid variation margin counts in full
        AccountValuation valuation = value("USD", Map.of(
                Asset.security("US912828YK09"), d("1000000.00"),
                Asset.cash("USD"), d("-50000.00")), Map.of("USD", d("900000.00")));

        HoldingValue cash = valuation.holdings().getFirst();
        assertThat(cash.asset()).isEqualTo("USD");
        assertThat(cash.collateralValueInBaseCurrency()).isEqualTo(d("-50000.00"));
        // 945,600.00 - 50,000.00 = 895,600.00; less 900,000.00 required: a deficit of 4,400.00
        assertThat(valuation.collateralValue()).isEqualTo(d("895600.00"));
        assertThat(valuation.excess()).isEqualTo(d("-4400.00"));
    }

    @Test
    void negativeCashInAnotherCurrencyGetsNoFxHaircutBenefitAndRoundsTowardsTheDebt() {
        market.fx("USD", "CNY", "7.10");

        // CNY -10,000.00 owed: no FX haircut (it would shrink the debt), -10,000 / 7.10 = -1,408.4507... USD, rounded
        // FLOOR to -1,408.46 (HALF_EVEN would give -1,408.45 and understate the debt)
        AccountValuation valuation = value("USD", Map.of(
                Asset.cash("CNY"), d("-10000.00"),
                Asset.cash("USD"), d("5000.00")), Map.of());

        HoldingValue cny = valuation.holdings().getFirst();
        assertThat(cny.haircut()).isEqualTo(BigDecimal.ZERO);
        assertThat(cny.fxHaircut()).isEqualTo(BigDecimal.ZERO);
        assertThat(cny.collateralValue()).isEqualTo(d("-10000.00"));
        assertThat(cny.collateralValueInBaseCurrency()).isEqualTo(d("-1408.46"));
        assertThat(valuation.collateralValue()).isEqualTo(d("3591.54"));
    }

    @Test
    void holdingsThatNettedToZeroAreLeftOut() {
        AccountValuation valuation = value("USD", Map.of(Asset.cash("USD"), d("0.00")), Map.of());

        assertThat(valuation.holdings()).isEmpty();
        assertThat(valuation.collateralValue()).isEqualTo(d("0.00"));
    }

    @Test
    void missingPriceOrRateIsReportedNotGuessed() {
        assertThatThrownBy(() -> value("USD", Map.of(Asset.security("US0000000000"), d("1.00")), Map.of()))
                .isInstanceOf(MissingMarketData.class)
                .hasMessage("no price for security US0000000000");
        assertThatThrownBy(() -> value("USD", Map.of(Asset.cash("CNY"), d("1.00")), Map.of()))
                .isInstanceOf(MissingMarketData.class)
                .hasMessage("no FX rate between USD and CNY");
        assertThatThrownBy(() -> value("USD", Map.of(), Map.of("CNY", d("1.00"))))
                .isInstanceOf(MissingMarketData.class);
    }

    @Test
    void haircutsMustBeFractionsBelowOne() {
        Map<SecurityType, BigDecimal> all = new HashMap<>(HAIRCUTS.bySecurityType());
        all.put(SecurityType.GOLD, BigDecimal.ONE);
        assertThatThrownBy(() -> new HaircutSchedule(all, new BigDecimal("0.08")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GOLD");
    }

    private AccountValuation value(String base, Map<Asset, BigDecimal> holdings, Map<String, BigDecimal> margins) {
        return valuer.value(base, holdings, margins, market);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Market data held in memory; the latest entry wins. */
    private static final class Market implements MarketData {

        private final Map<String, SecurityQuote> securities = new HashMap<>();
        private final List<FxQuote> rates = new ArrayList<>();

        void security(String id, SecurityType type, String currency, String price) {
            securities.put(id, new SecurityQuote(id, type, currency, d(price), Instant.now()));
        }

        void fx(String base, String quote, String rate) {
            rates.add(new FxQuote(base, quote, d(rate), Instant.now()));
        }

        @Override
        public Optional<SecurityQuote> security(String securityId) {
            return Optional.ofNullable(securities.get(securityId));
        }

        @Override
        public Optional<FxQuote> fxRate(String currency, String otherCurrency) {
            return rates.reversed().stream()
                    .filter(r -> r.baseCurrency().equals(currency) && r.quoteCurrency().equals(otherCurrency)
                            || r.baseCurrency().equals(otherCurrency) && r.quoteCurrency().equals(currency))
                    .findFirst();
        }
    }
}
