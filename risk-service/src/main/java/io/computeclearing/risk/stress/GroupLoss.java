package io.computeclearing.risk.stress;

import java.math.BigDecimal;

/**
 * A member group's result in one scenario, in USD before the reported rounding: the loss of all its accounts (house
 * and clients of every affiliated member), the initial margin they hold and the uncovered loss,
 * {@code max(0, loss - initialMargin)}.
 */
public record GroupLoss(String groupId, BigDecimal loss, BigDecimal initialMargin, BigDecimal uncovered) {
}
