package io.computeclearing.clearing.catalogue;

/**
 * How the final settlement price of an expiring contract comes from its underlying index. The contract is cash
 * settled: the last cash flow is {@code (FSP - last daily settlement) x position x contract unit}.
 */
public enum FinalSettlementRule {

    /** FSP = the index value published for the last trading day. */
    SINGLE_FIXING,

    /** FSP = the arithmetic mean of the daily index values over the contract month. */
    AVERAGE_OVER_MONTH
}
