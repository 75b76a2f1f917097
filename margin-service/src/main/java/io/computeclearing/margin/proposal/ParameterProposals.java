package io.computeclearing.margin.proposal;

import io.computeclearing.margin.backtesting.FamilyBacktestLight;
import io.computeclearing.margin.index.IndexValue;
import io.computeclearing.margin.instrument.ListedInstrument;
import io.computeclearing.margin.parameters.RiskParameterSet;
import io.computeclearing.margin.parameters.RiskParameters;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Proposes a family's risk parameters from the history of its index, so that risk sees when the parameters in force
 * lag the market. With {@code sigma} the daily volatility of the index ({@link IndexVolatility}), {@code z} the
 * confidence quantile, {@code h} the holding period in days and {@code L} the latest index value:
 * <ul>
 * <li>price scan fraction = {@code z x sigma x sqrt(h)}, rounded UP to 6 decimals (the parameter's scale; a scan
 * range is never understated by rounding);</li>
 * <li>reference price = {@code L} (6 decimals, HALF_UP);</li>
 * <li>scan range per contract = {@code L x proposed fraction x contract unit}, rounded UP to 2 decimals: the range the
 * proposal would give if adopted, i.e. {@code z x sigma x sqrt(h) x L x contract unit};</li>
 * <li>intra-commodity spread charge = 2% of the proposed scan range per contract, HALF_UP to 2 decimals (the
 * convention of the seeded parameters);</li>
 * <li>volatility scan range = {@code z x s x sqrt(h)}, {@code s} the sample standard deviation of the rolling daily
 * volatilities, in daily volatility units, rounded UP to 6 decimals: for options, which no family has yet, so it has
 * no value in force.</li>
 * </ul>
 * The extreme move and the initial-to-maintenance ratios are policy, not estimated. Beside the proposal stand the
 * family's margin backtest lights from risk-service: a family turned yellow or red is the other sign that its
 * parameters need a look.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ParameterProposals {

    private static final BigDecimal INTRA_SHARE = new BigDecimal("0.02");

    private final RiskParameters parameters;
    private final ProposalSettings settings;

    public ParameterProposals(RiskParameters parameters, ProposalSettings settings) {
        this.parameters = parameters;
        this.settings = settings;
    }

    public ParameterProposal propose(String family, LocalDate today) {
        RiskParameterSet inForce = parameters.inForce(family, today)
                .orElseThrow(() -> ProblemException.notFound("risk parameters", family));
        String indexId = ListedInstrument.indexOfFamily(family).orElseThrow(() -> ProblemException.conflict(
                "no-index", "No index behind the family", "No instrument of " + family
                        + " has been listed, so the index its parameters follow is not known."));
        int needed = settings.window() + 1;
        List<IndexValue> history = IndexValue.latest(indexId, needed);
        if (history.size() < needed) {
            throw ProblemException.conflict("index-history-too-short", "Index history too short",
                    "Index " + indexId + " has " + history.size() + " value(s); a proposal for " + family
                            + " needs " + needed + " (" + settings.window() + " daily changes).");
        }
        IndexVolatility volatility;
        try {
            volatility = IndexVolatility.of(history.stream().map(v -> v.value).toList());
        } catch (IllegalArgumentException e) {
            throw ProblemException.conflict("index-history-unusable", "Index history unusable",
                    "Index " + indexId + ": " + e.getMessage() + "; no volatility can be measured.");
        }
        BigDecimal sqrtH = BigDecimal.valueOf(settings.holdingPeriodDays()).sqrt(IndexVolatility.MC);
        BigDecimal sigma = volatility.dailyVolatility();
        BigDecimal latest = history.getLast().value;

        BigDecimal fraction = settings.z().multiply(sigma).multiply(sqrtH).setScale(6, RoundingMode.UP);
        BigDecimal reference = latest.setScale(6, RoundingMode.HALF_UP);
        BigDecimal scanRange = latest.multiply(fraction).multiply(inForce.contractUnit).setScale(2, RoundingMode.UP);
        BigDecimal intra = scanRange.multiply(INTRA_SHARE).setScale(2, RoundingMode.HALF_UP);
        BigDecimal floor = settings.z().multiply(volatility.dailyMoveVolatility()).multiply(sqrtH)
                .multiply(inForce.contractUnit).setScale(2, RoundingMode.UP);
        BigDecimal volScan = settings.z().multiply(volatility.volatilityOfVolatility(settings.rollingWindow()))
                .multiply(sqrtH).setScale(6, RoundingMode.UP);

        List<ParameterProposal.Line> lines = List.of(
                line("priceScanFraction", inForce.priceScanFraction, fraction, "z x sigma x sqrt(h)"),
                line("referencePrice", inForce.referencePrice, reference, "latest index value"),
                line("scanRangePerContract", inForce.scanRangePerContract(), scanRange,
                        "latest index value x priceScanFraction x contractUnit"),
                line("intraSpreadCharge", inForce.intraSpreadCharge, intra, "2% of scanRangePerContract"),
                line("priceScanFloor", inForce.priceScanFloor, floor,
                        "z x sigma of daily index moves (index units) x sqrt(h) x contractUnit"),
                line("volatilityScanRange", null, volScan,
                        "z x stdev(rolling " + settings.rollingWindow() + "-day sigma) x sqrt(h)"));
        return new ParameterProposal(family, inForce.version, indexId, history.getFirst().valueDate,
                history.getLast().valueDate, history.size(), latest, sigma.setScale(8, RoundingMode.HALF_UP),
                "zero-mean RMS of " + settings.window() + " daily relative changes, equally weighted",
                settings.confidence(), settings.z(), settings.holdingPeriodDays(), settings.tolerance(), lines,
                FamilyBacktestLight.of(family).stream().map(ParameterProposal.BacktestLight::of).toList());
    }

    private ParameterProposal.Line line(String parameter, BigDecimal inForce, BigDecimal proposed, String formula) {
        if (inForce == null) {
            return new ParameterProposal.Line(parameter, null, proposed, null, false, formula);
        }
        BigDecimal difference = inForce.subtract(proposed);
        boolean lags = difference.abs().compareTo(settings.tolerance().multiply(proposed.abs())) > 0;
        return new ParameterProposal.Line(parameter, inForce, proposed, difference, lags, formula);
    }
}
