/**
 * SPAN-style initial margin: a plain Java library (no framework, no database, JDK only).
 * <p>
 * <b>Risk arrays.</b> A {@link io.computeclearing.margin.span.ScenarioGrid} holds the 16 SPAN scenarios: seven moves
 * of the futures price (0, +-1/3, +-2/3, +-1 price scan range), each with volatility up and down, and two extreme
 * moves ({@code +-3 x range} at CME) of which only a cover fraction (33%) counts. A
 * {@link io.computeclearing.margin.span.RiskArray} is the loss of one long contract in each scenario: for a future
 * {@code -move x scan range}, for an option on a future the change in its Black-76 value
 * ({@link io.computeclearing.margin.span.Black76}) when the underlying price and volatility move. Its composite delta
 * is the weighted delta at the seven price points.
 * <p>
 * <b>Per combined commodity</b> ({@link io.computeclearing.margin.span.CombinedCommodity}: all contracts on one
 * underlying): scanning risk is the worst scenario loss of the positions, floored at zero. Scanning assumes all
 * months move together, so intra-commodity spreads charge a flat rate per calendar spread formed between tiers, in
 * priority order, and spot month charges add a rate on delta in the delivery month. Differences in outright risk
 * between tiers come from each tier's own scan range in its contracts' arrays. Inter-commodity spreads
 * ({@link io.computeclearing.margin.span.InterCommoditySpread}) give back part of the price risk of opposite
 * positions in related commodities (GPU-hour vs token, H100 vs B200). The short option minimum puts a floor under
 * portfolios of far out-of-the-money short options: {@code risk = max(scan + intra + spot - inter, short option minimum)}.
 * <p>
 * <b>Per account</b> ({@link io.computeclearing.margin.span.SpanCalculator}): maintenance margin is
 * {@code max(0, sum of risks - net option value)}; initial margin scales each commodity's risk by the
 * initial/maintenance ratio of the account type; everything is converted into the account currency with
 * {@link io.computeclearing.margin.span.FxRates} and rounded UP to cents. The
 * {@link io.computeclearing.margin.span.MarginResult} explains the number: per commodity scan with the active
 * scenario, intra, spot, inter, short option minimum, net option value, and totals per currency. Where CCPs differ
 * (delta-based or scenario-offset inter-commodity credits, how short options are counted) the
 * {@link io.computeclearing.margin.span.SpanMethod} chooses.
 * <p>
 * <b>Arithmetic.</b> Money is {@code BigDecimal}: products exact, divisions at 34 significant digits, requirements
 * rounded UP to scale 2. Black-76 values are {@code double} model outputs, rounded HALF_UP to the array's money scale
 * when the array is built. Scanning adds {@code quantity x array} in exact long arithmetic on the arrays' unscaled
 * values (falling back to {@code BigDecimal} on overflow or mixed scales), which gives the same numbers with the same
 * scale, and one-to-one spread ratios skip the division; {@code ScanningFastPathTest} holds this against an
 * independent {@code BigDecimal} computation. The JMH benchmark of the engine is in the tests
 * ({@code span/bench}, see docs/benchmarks.md).
 */
package io.computeclearing.margin.span;
