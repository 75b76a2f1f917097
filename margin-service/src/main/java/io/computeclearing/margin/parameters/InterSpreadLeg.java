package io.computeclearing.margin.parameters;

import java.math.BigDecimal;

/**
 * One leg of an inter-commodity spread: a product family, the net delta of that family that one spread uses, and its
 * side. Legs on side A must hold net deltas of one sign and legs on side B the other (long H100 against short B200, or
 * the reverse), since only opposite positions in related markets offset each other's price risk.
 *
 * @param family     the product family (one combined commodity)
 * @param deltaRatio net delta (contracts, for futures) per spread, greater than zero
 * @param side       {@code A} or {@code B}
 */
public record InterSpreadLeg(String family, BigDecimal deltaRatio, String side) {
}
