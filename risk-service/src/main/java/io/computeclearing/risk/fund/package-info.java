/**
 * The default fund as pure arithmetic: its size from the stress runs' Cover-2 with a buffer and a floor
 * ({@link io.computeclearing.risk.fund.DefaultFundSizing}), and each member's required contribution, a fixed minimum
 * plus a pro rata share of the rest, apportioned to the cent so the contributions add up exactly to the fund
 * ({@link io.computeclearing.risk.fund.ContributionAllocation}). Money is {@code BigDecimal} with its currency; no
 * persistence, REST or messaging here.
 */
package io.computeclearing.risk.fund;
