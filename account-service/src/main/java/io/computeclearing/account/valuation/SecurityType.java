package io.computeclearing.account.valuation;

/** Kinds of non-cash collateral the CCP accepts; each has its own haircut. */
public enum SecurityType { TREASURY_BILL, GOVERNMENT_BOND, CORPORATE_BOND, GOLD }
