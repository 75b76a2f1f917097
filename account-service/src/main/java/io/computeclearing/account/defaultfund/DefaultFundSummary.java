package io.computeclearing.account.defaultfund;

import java.math.BigDecimal;
import java.util.List;

/**
 * The whole default fund in its currency: the sum of the members' required contributions and of what they hold, the
 * balance of the CCP's fund account ({@code ccpFundAccount}, book CCP_DEFAULT_FUND, which is {@code -held}: the two
 * sides of the book always sum to zero), the members' shortfalls added up ({@code required - held} where positive:
 * what contribution calls still ask for), and each member with a requirement or a contribution, by member id.
 */
public record DefaultFundSummary(String currency, BigDecimal required, BigDecimal held, BigDecimal ccpFundAccount,
                                 BigDecimal shortfall, List<DefaultFundPosition> members) {
}
