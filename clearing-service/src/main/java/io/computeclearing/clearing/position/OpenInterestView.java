package io.computeclearing.clearing.position;

/**
 * The open contracts in one instrument across all accounts. Total long = sum of long quantities (netting accounts'
 * positive nets and omnibus accounts' gross longs), total short likewise. Novation keeps the CCP flat, so
 * {@code netSum} (the sum of every account's net) is always 0 and total long equals total short.
 */
public record OpenInterestView(String instrumentId, long totalLong, long totalShort, long netSum, long accounts) {
}
