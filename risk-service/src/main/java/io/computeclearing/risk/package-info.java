/**
 * risk-service: what stands behind the trades. Daily stress tests of every account under hypothetical and historical
 * scenarios, Cover-1 and Cover-2 per member group, the default fund's size and each member's contribution, and the
 * backtesting of initial margin against realised losses. Its view of positions, prices, index history and margin
 * requirements is built from the other services' events only.
 */
package io.computeclearing.risk;
